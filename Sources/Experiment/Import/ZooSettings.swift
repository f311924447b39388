import Foundation
import PolicyGradient
import YAML

/// The settings read from one rl-zoo3 entry, SB3's defaults where the entry is silent, and
/// the keys that could not be mapped (with why), ready to be written as an experiment.
struct ZooSettings {
    let algorithm: ZooImport.Algorithm
    let environment: String
    /// The zoo's entry the settings come from (`environment`, or an older version of it).
    let entry: String
    /// `environment.backend` of the experiment; nil: the runner's native environment.
    let backend: String?
    /// Whether the environment's actions are continuous (gSDE and `log_std_init` apply).
    let continuousActions: Bool
    var numEnvs = 1
    var steps: Int?
    var normalize: (observations: Bool, rewards: Bool)?
    var nSteps: Int
    var gamma = 0.99
    var gaeLambda: Double
    var epochs = 10
    var batchSize = 64
    var entropyCoef = 0.0
    var valueCoef = 0.5
    var maxGradNorm = 0.5
    var lr: Double
    var lrLinear = false
    var clip = 0.2
    var clipLinear = false
    var clipValue: Double?
    var targetKL: Double?
    var normalizeAdvantage: Bool
    var useRMSprop = true
    var rmspropEps = 1e-5
    var hidden: [Int]?
    var criticHidden: [Int]?
    var activation: String?
    var logStdInit: Double?
    /// `use_sde`: gSDE (`policy.sde`).
    var sde = false
    /// `sde_sample_freq` (−1: a new exploration matrix per rollout only).
    var sdeSampleFreq = -1
    /// `ortho_init=False`: PyTorch's default initialization (`policy.init: uniform`).
    var uniformInit = false
    /// `key: value  # why`, one per key not mapped.
    var unmapped: [String] = []

    init(
        algorithm: ZooImport.Algorithm, environment: String, entry: String? = nil, backend: String? = nil,
        continuousActions: Bool
    ) {
        self.algorithm = algorithm
        self.environment = environment
        self.entry = entry ?? environment
        self.backend = backend
        self.continuousActions = continuousActions
        nSteps = algorithm == .ppo ? 2048 : 5
        gaeLambda = algorithm == .ppo ? 0.95 : 1.0
        lr = algorithm == .ppo ? 3e-4 : 7e-4
        normalizeAdvantage = algorithm == .ppo
    }

    /// Reads the entry's keys; a value of the wrong type is an error at it.
    mutating func read(_ entry: Node, path: String) throws {
        guard let pairs = entry.mapping else {
            throw ConfigurationError([Diagnostic(at: entry.mark, path: path, message: "expected a mapping of hyperparameters, found \(entry.kindDescription)")])
        }
        var errors: [Diagnostic] = []
        for pair in pairs {
            let v = pair.value
            func fail(_ expected: String) {
                errors.append(Diagnostic(at: v.mark, path: "\(path).\(pair.key)", message: "expected \(expected), found \(v.kindDescription)"))
            }
            // An infinite or NaN value would be written as `.inf` or `.nan` into a file that
            // cannot validate; it is refused here, at its place in the zoo file.
            func number() -> Double? {
                switch v.resolved {
                case .int(let i)?: return Double(i)
                case .float(let x)? where x.isFinite: return x
                default: fail("a finite number"); return nil
                }
            }
            func count() -> Int? {
                let x: Double? = switch v.resolved {
                case .int(let i)?: Double(i)
                case .float(let x)?: x
                default: nil
                }
                guard let x, x >= 1, x == x.rounded(), x < 1e15 else { fail("a whole number ≥ 1"); return nil }
                return Int(x)
            }
            func flag() -> Bool? {
                if case .bool(let b)? = v.resolved { return b }
                fail("true or false"); return nil
            }
            /// A finite number > 0, or `lin_X` (X·(1 − progress)) with X such a number written
            /// in decimal: what the rates and clipping ranges it feeds accept.
            func schedule() -> (Double, Bool)? {
                let start: Double?, linear: Bool
                switch v.resolved {
                case .int(let i)?: (start, linear) = (Double(i), false)
                case .float(let x)?: (start, linear) = (x, false)
                case .string(let text)? where text.hasPrefix("lin_"):
                    (start, linear) = (PythonExpression.decimal(String(text.dropFirst(4))), true)
                default: (start, linear) = (nil, false)
                }
                guard let start, start.isFinite, start > 0 else {
                    fail("a finite number > 0 or lin_<finite number > 0>"); return nil
                }
                return (start, linear)
            }
            switch pair.key {
            case "policy":
                if v.string != "MlpPolicy" { unmapped.append("policy: \(Self.text(v))  # only MlpPolicy is available") }
            case "n_envs": numEnvs = count() ?? numEnvs
            case "n_timesteps": steps = count()
            case "normalize":
                normalize = Self.normalization(v) ?? { fail("true, false or a VecNormalize dict"); return nil }()
                for key in Self.otherNormalizationKeys(v) {
                    unmapped.append("normalize \(key)  # set environment.normalize by hand (docs/configuration.md, Normalization)")
                }
            case "n_steps": nSteps = count() ?? nSteps
            case "gamma": gamma = number() ?? gamma
            case "gae_lambda": gaeLambda = number() ?? gaeLambda
            case "n_epochs": epochs = count() ?? epochs
            case "batch_size": batchSize = count() ?? batchSize
            case "ent_coef": entropyCoef = number() ?? entropyCoef
            case "vf_coef": valueCoef = number() ?? valueCoef
            case "max_grad_norm": maxGradNorm = number() ?? maxGradNorm
            case "learning_rate": if let (x, linear) = schedule() { (lr, lrLinear) = (x, linear) }
            case "clip_range": if let (x, linear) = schedule() { (clip, clipLinear) = (x, linear) }
            case "clip_range_vf":
                if v.isNull { clipValue = nil } else if let (x, linear) = schedule() {
                    clipValue = x
                    if linear { unmapped.append("clip_range_vf: \(Self.text(v))  # the value clipping range is constant here: \(x)") }
                }
            case "target_kl": targetKL = v.isNull ? nil : number()
            case "normalize_advantage": normalizeAdvantage = flag() ?? normalizeAdvantage
            case "use_rms_prop": useRMSprop = flag() ?? useRMSprop
            case "rms_prop_eps": rmspropEps = number() ?? rmspropEps
            case "policy_kwargs":
                guard let text = v.string else { fail("a policy_kwargs string"); continue }
                if let problem = readPolicyKwargs(text) {
                    errors.append(Diagnostic(at: v.mark, path: "\(path).\(pair.key)", message: problem))
                }
            case "use_sde": sde = flag() ?? sde
            case "sde_sample_freq":
                // SB3 draws a new matrix every k steps for k > 0, and only per rollout otherwise.
                guard case .int(let k)? = v.resolved else { fail("a whole number"); continue }
                sdeSampleFreq = k > 0 ? k : -1
            default:
                unmapped.append("\(pair.key): \(Self.text(v))  # no equivalent setting")
            }
        }
        if !errors.isEmpty { throw ConfigurationError(errors) }
        if sde && !continuousActions {
            // gSDE perturbs a Gaussian policy, for continuous actions only.
            unmapped.append("use_sde: True  # state-dependent exploration needs continuous actions")
            sde = false
        }
    }

    /// `true`/`false`, or VecNormalize's keyword dict as a string: `"{'norm_obs': True, 'norm_reward': False}"`.
    private static func normalization(_ v: Node) -> (Bool, Bool)?? {
        if case .bool(let b)? = v.resolved { return b ? (true, true) : .some(nil) }
        guard let text = v.string else { return nil }
        func value(_ key: String) -> Bool {
            guard let range = text.range(of: "'\(key)':") ?? text.range(of: "\"\(key)\":") else { return true }
            return !text[range.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix("False")
        }
        return (value("norm_obs"), value("norm_reward"))
    }

    /// The keys of a VecNormalize dict other than `norm_obs` and `norm_reward`, which the
    /// import does not map (`clip_obs`, `clip_reward`, `epsilon`, `gamma`), in their order.
    private static func otherNormalizationKeys(_ v: Node) -> [String] {
        guard let text = v.string else { return [] }
        let pattern = try! NSRegularExpression(pattern: #"['"](\w+)['"]\s*:"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }.filter { $0 != "norm_obs" && $0 != "norm_reward" }
    }

    /// `dict(net_arch=..., activation_fn=nn.ReLU, log_std_init=-2, ortho_init=False, ...)`; what
    /// makes the entry unusable (a `log_std_init` that is not finite), or nil.
    private mutating func readPolicyKwargs(_ text: String) -> String? {
        let body = text.replacingOccurrences(of: "\n", with: " ")
        if let arch = PythonExpression.keywordArgument("net_arch", in: body) { readNetArch(arch) }
        if let fn = Self.capture(#"activation_fn\s*=\s*(?:th\.)?nn\.(\w+)"#, in: body) {
            switch fn {
            case "ReLU": activation = "relu"
            case "Tanh": activation = "tanh"
            default: unmapped.append("policy_kwargs activation_fn=nn.\(fn)  # only Tanh and ReLU are available")
            }
        }
        if body.range(of: #"ortho_init\s*=\s*False"#, options: .regularExpression) != nil {
            uniformInit = true
        }
        for key in ["optimizer_class", "optimizer_kwargs", "features_extractor_class", "share_features_extractor", "squash_output"]
        where body.contains(key) {
            unmapped.append("policy_kwargs \(key)  # no equivalent setting")
        }
        if let written = PythonExpression.keywordArgument("log_std_init", in: body) {
            guard let x = PythonExpression.decimal(written) else {
                unmapped.append("policy_kwargs log_std_init=\(written)  # not a number; log_std_init keeps its default")
                return nil
            }
            guard x.isFinite else { return "log_std_init=\(written) is not a finite number" }
            logStdInit = x
        }
        return nil
    }

    /// `net_arch`: a list of layer widths for both networks (`[64, 64]`, `[64] * 3`), or
    /// `dict(pi=[...], vf=[...])`, bare or in a list. Anything else, or layers the networks here
    /// cannot have, is a comment and both keep their default.
    private mutating func readNetArch(_ arch: String) {
        func layers(_ list: String) -> [Int]? {
            guard let widths = PythonExpression.integerList(list, maxCount: PolicySettings.layerCounts.upperBound),
                PolicySettings.layerCounts.contains(widths.count),
                widths.allSatisfy(PolicySettings.layerWidths.contains)
            else { return nil }
            return widths
        }
        var networks = arch
        // SB3 before 1.8 wrote the split inside a list: [dict(pi=[...], vf=[...])].
        if arch.hasPrefix("["), arch.hasSuffix("]"),
            PythonExpression.arguments(ofCall: "dict", in: String(arch.dropFirst().dropLast())) != nil {
            networks = String(arch.dropFirst().dropLast())
        }
        if let split = PythonExpression.arguments(ofCall: "dict", in: networks) {
            let pi = PythonExpression.keywordArgument("pi", in: split), vf = PythonExpression.keywordArgument("vf", in: split)
            let (piLayers, vfLayers) = (pi.flatMap(layers), vf.flatMap(layers))
            let everyGivenOneReads = (pi == nil || piLayers != nil) && (vf == nil || vfLayers != nil)
            if everyGivenOneReads && (pi != nil || vf != nil) {
                (hidden, criticHidden) = (piLayers, vfLayers)
                return
            }
        } else if let both = layers(arch) {
            hidden = both
            return
        }
        unmapped.append("policy_kwargs net_arch=\(arch)  # not read as 1 to 64 layers of 1 to 65536 units; hidden stays [64, 64]")
    }

    private static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// A scalar as written, for comments.
    static func text(_ v: Node) -> String {
        if let scalar = v.scalar { return scalar.text }
        return v.kindDescription
    }
}
