import Experiment
import PolicyGradient
import TestSupport
import Testing
import YAML

/// A walk along a line of cells, defined here to be registered at run time: every episode
/// starts at cell `start`; action 1 moves right, action 0 left (not past cell 0); each step
/// pays −1 and reaching the last cell, `length − 1`, ends the episode. The observation is the
/// position scaled to [0, 1]; the optimal return is −(length − 1 − start).
struct LineWalk: Environment {
    static let id = "LineWalk-test"

    var length: Int
    var start: Int
    var position: Int
    var maxEpisodeSteps: Int

    init(length: Int, start: Int, maxEpisodeSteps: Int?) {
        self.length = length
        self.start = start
        self.position = start
        self.maxEpisodeSteps = maxEpisodeSteps ?? 50
    }

    var observationSize: Int { 1 }
    var actionSpace: ActionSpace { .discrete(2) }
    var defaultMaxEpisodeSteps: Int { 50 }
    var state: [Double] { [Double(position)] }

    mutating func setState(_ state: [Double]) throws {
        guard state.count == 1, let cell = Int(exactly: state[0]), (0..<length).contains(cell) else {
            throw EnvironmentError.invalidState("a cell index in 0..<\(length)")
        }
        position = cell
    }

    mutating func reset(using generator: inout RandomGenerator) {
        position = start
    }

    mutating func step(discrete action: Int, using generator: inout RandomGenerator) -> StepOutcome {
        position = action == 1 ? position + 1 : max(0, position - 1)
        return StepOutcome(reward: -1, terminated: position == length - 1)
    }

    func writeObservation(into buffer: UnsafeMutablePointer<Float>) {
        buffer[0] = Float(position) / Float(length - 1)
    }

    /// Its one descriptor: the whole registration.
    static let descriptor = EnvironmentDescriptor(
        id: id, summary: "Walk right along a line of cells; every step costs 1.",
        observationSize: 1, actionSpace: .discrete(2), defaultMaxEpisodeSteps: 50, stateVariables: ["position"],
        parameters: [
            EnvironmentParameter("length", .integer, default: .integer(5), rule: .atLeast(2), doc: "number of cells"),
            EnvironmentParameter(
                "start", .integer, default: .integer(0), rule: ParameterRule("in 0..<length - 1"),
                doc: "the cell every episode starts in"),
        ]
    ) { params, maxEpisodeSteps in
        let length = try params.integer("length"), start = try params.integer("start")
        guard (0..<(length - 1)).contains(start) else {
            throw EnvironmentParameterError(key: "start", message: "start is \(start), must be in 0..<\(length - 1)")
        }
        return LineWalk(length: length, start: start, maxEpisodeSteps: maxEpisodeSteps)
    }

    /// Registers the descriptor once for every test of the process.
    static let registered: Void = {
        try! EnvironmentRegistry.register(descriptor)
    }()
}

/// An environment registered at run time is read, validated, identified and trained like a
/// built-in one (docs/architecture.md, "How to add an environment").
@Suite struct RegisteredEnvironmentTests {
    let scratch = Scratch()

    init() {
        LineWalk.registered
    }

    static func experiment(params: String) -> String {
        """
        experiment: walk
        environment:
          id: LineWalk-test
          params:
            \(params)
        estimator:
          name: a2c
        training:
          steps: 3000
          eval_every: 1000
          eval_episodes: 5
        seeds: [0]

        """
    }

    @Test func isListedAfterTheBuiltInOnesAndCannotBeRegisteredTwice() {
        #expect(EnvironmentRegistry.ids.last(where: { $0 == LineWalk.id }) != nil)
        #expect(EnvironmentRegistry.ids.prefix(8).last == "Tabular")
        #expect(throws: EnvironmentError.duplicateEnvironment(LineWalk.id)) {
            try EnvironmentRegistry.register(LineWalk.descriptor)
        }
    }

    @Test func loadsValidatesAndTrains() throws {
        let plan = try scratch.load("walk.yaml", Self.experiment(params: "length: 4"))
        let job = try #require(plan.jobs.first)
        #expect(job.config.settings.environment.params == ["length": .integer(4), "start": .integer(0)])
        #expect(job.config.settings.environment.maxEpisodeSteps == 50)
        // The id hashes the resolved parameters: another length is another job.
        let other = try scratch.load("walk5.yaml", Self.experiment(params: "length: 5"))
        #expect(other.jobs.first?.id != job.id)

        let sink = RecordingSink()
        let outcome = Trainer.run(try job.config.trainerSettings(), sink: sink)
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.steps >= 3000)
        #expect(sink.policies.first?.environment == LineWalk.id)
        // The walk is learnt: three steps right is the best return, −3.
        let first = try #require(sink.curve.first?.evalReturnMean)
        #expect(outcome.finalReturn > first && outcome.finalReturn >= -4, "\(sink.curve.map(\.evalReturnMean))")
    }

    @Test func aValueAgainstItsRuleIsLocated() {
        let errors = scratch.errors(Self.experiment(params: "length: 1"), name: "walk.yaml")
        #expect(errors.count == 1, "\(errors)")
        let e = errors.first
        #expect(e?.path == "environment.params.length" && e?.message == "must be >= 2", "\(errors)")
        #expect(e?.mark.line == 5 && e?.mark.column == 13, "\(errors)")
        #expect(e?.description.contains("walk.yaml:5:13: error: environment.params.length: must be >= 2") == true)
    }

    @Test func aValueTheFactoryRejectsIsLocated() {
        scratch.expectSingleError(
            Self.experiment(params: "{length: 3, start: 2}"), line: 5, column: 24, path: "environment.params.start",
            contains: "start is 2, must be in 0..<2")
    }

    @Test func kindsAndKeysFollowTheSchema() {
        scratch.expectSingleError(
            Self.experiment(params: "length: 2.5"), line: 5, column: 13, path: "environment.params.length",
            contains: "expected an integer, found the float 2.5")
        scratch.expectSingleError(
            Self.experiment(params: "lenght: 3"), line: 5, column: 5, path: "environment.params.lenght",
            contains: "unknown key 'lenght'; did you mean 'length'?")
    }
}
