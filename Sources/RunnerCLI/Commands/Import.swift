import ArgumentParser
import Experiment
import Foundation
import Results

/// `runner import zoo FILE --algo ALGO --env ID [-o OUT]`: hyperparameters from other tools.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an experiment file from another tool's hyperparameters.",
        subcommands: [Zoo.self])

    /// rl-zoo3's hyperparameter files.
    struct Zoo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn an entry of an rl-zoo3 hyperparameter file (hyperparams/a2c.yml, ppo.yml) into an experiment.",
            discussion: """
                Without FILE, reads hyperparams/<algo>.yml of the rl_zoo3 package that the \
                configured Python imports (RUNNER_PYTHON, else python3: a pip install). \
                Writes the experiment to standard output, or to OUT with -o. Keys that cannot be \
                mapped (use_sde, ortho_init=False, ...) become comments at the top of the file. \
                An environment the runner does not have natively (HalfCheetah-v5, \
                LunarLander-v3, ...) is written with `backend: gymnasium` when the configured \
                Python's Gymnasium can make it (it is started once to learn the action space). \
                --entry reads another entry than --env's own, e.g. --env HalfCheetah-v5 --entry \
                HalfCheetah-v4 where the zoo tunes only the older version. \
                Exit 2 when the file is not a zoo file, is another algorithm's (its name, or \
                a key only that algorithm has), has no entry for the environment, \
                names an environment neither the runner nor Gymnasium has, or holds a value that is not \
                a finite number or a valid schedule (lin_<number > 0>).
                """)

        enum Algorithm: String, ExpressibleByArgument, CaseIterable { case a2c, ppo }

        @Argument(help: "The zoo's hyperparameter file (default: hyperparams/<algo>.yml of the rl_zoo3 that RUNNER_PYTHON, else python3, imports).")
        var file: String?

        @Option(help: "The algorithm the file is for: a2c or ppo.")
        var algo: Algorithm

        @Option(help: "The environment id whose entry to import.")
        var env: String

        @Option(help: "The zoo entry to read (default: --env's own).")
        var entry: String?

        @Option(name: [.customShort("o"), .customLong("output")], help: "Write the experiment here instead of standard output.")
        var output: String?

        func run() throws {
            let file: String
            if let given = self.file {
                file = given
            } else {
                do {
                    file = try InstalledZoo.hyperparameterFile(algorithm: algo.rawValue)
                } catch {
                    Console.error("error: \(error)")
                    throw ExitStatus.invalidConfig
                }
            }
            guard FileManager.default.isReadableFile(atPath: file) else {
                Console.error("error: cannot read '\(file)': no such file")
                throw ExitStatus.invalidConfig
            }
            let text: String
            do {
                text = try ZooImport.experiment(
                    fileAt: file, algorithm: ZooImport.Algorithm(rawValue: algo.rawValue)!, environment: env, entry: entry)
            } catch let error as ConfigurationError {
                Console.error(error.description)
                throw ExitStatus.invalidConfig
            }
            guard let output else {
                Console.out(String(text.dropLast()))
                return
            }
            do {
                try AtomicFile.write(text, to: URL(fileURLWithPath: output))
            } catch {
                Console.error("error: cannot write '\(output)': \(error)")
                throw ExitStatus.failure
            }
        }
    }
}
