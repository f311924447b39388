import PolicyGradient

/// What `sb3_export.py` needs to build a Stable-Baselines3 model of a saved policy: the class,
/// the spaces, `policy_kwargs`, and each tensor of the policy's `state_dict` under SB3's name.
///
/// SB3's `MlpPolicy` (`ActorCriticPolicy`) is two separate MLPs, `mlp_extractor.policy_net`
/// and `mlp_extractor.value_net` (Linear and activation alternating, so layer l is module
/// `2l`), then `action_net` and `value_net` on their last hidden layer, and `log_std` for a
/// Gaussian head. Ours are the same functions: `pi.<l>` and `vf.<l>` map onto those modules,
/// `[out, in]` row-major as PyTorch's `Linear.weight` (docs/policy-format.md).
struct SB3ExportSpec: Encodable {
    /// `PPO` or `A2C`.
    var algorithm: String
    /// The environment's id: its spaces are Gymnasium's when Gymnasium has it.
    var environment: String
    var observationSize: Int
    var actionSpace: ActionSpaceSpec
    var policyKwargs: PolicyKwargs
    /// Settings of the algorithm that the model records (γ and GAE λ).
    var hyperparameters: [String: Double]
    /// gSDE (`policy.sde`): SB3's `use_sde`, with `full_std` and without `expln`, as ours.
    var useSDE: Bool
    var stateDict: [String: Tensor]
    var normalization: Statistics?
    /// Where the model goes (a path ending in `.zip`).
    var output: String
    /// Where the `VecNormalize` statistics go, when there are some.
    var vecNormalize: String?

    struct ActionSpaceSpec: Encodable {
        /// `discrete` or `box`.
        var kind: String
        var n: Int?
        var low: [Double]?
        var high: [Double]?
    }

    struct PolicyKwargs: Encodable {
        var netArch: NetArch
        /// `tanh` or `relu`.
        var activationFn: String
        var orthoInit: Bool
        var logStdInit: Double?

        enum CodingKeys: String, CodingKey {
            case netArch = "net_arch", activationFn = "activation_fn", orthoInit = "ortho_init", logStdInit = "log_std_init"
        }
    }

    struct NetArch: Encodable {
        var pi: [Int]
        var vf: [Int]
    }

    struct Tensor: Encodable {
        var shape: [Int]
        var values: [Float]
    }

    /// `VecNormalize`'s settings and its two `RunningMeanStd`s.
    struct Statistics: Encodable {
        var normObs: Bool
        var normReward: Bool
        var clipObs: Double
        var clipReward: Double
        var gamma: Double
        var epsilon: Double
        var obsMean: [Double]
        var obsVar: [Double]
        var obsCount: Double
        var retMean: [Double]
        var retVar: [Double]
        var retCount: Double

        enum CodingKeys: String, CodingKey {
            case normObs = "norm_obs", normReward = "norm_reward", clipObs = "clip_obs", clipReward = "clip_reward"
            case gamma, epsilon
            case obsMean = "obs_mean", obsVar = "obs_var", obsCount = "obs_count"
            case retMean = "ret_mean", retVar = "ret_var", retCount = "ret_count"
        }
    }

    enum CodingKeys: String, CodingKey {
        case algorithm, environment, hyperparameters, normalization, output
        case observationSize = "observation_size", actionSpace = "action_space", policyKwargs = "policy_kwargs"
        case stateDict = "state_dict", vecNormalize = "vec_normalize", useSDE = "use_sde"
    }
}

extension SB3ExportSpec {
    /// The spec of `saved`, trained with `settings`; throws `PolicyExportError.notExpressible`
    /// for what SB3's `MlpPolicy` with PPO or A2C cannot be.
    init(
        _ saved: SavedPolicy, settings: TrainerSettings, output: String, vecNormalize: String
    ) throws(PolicyExportError) {
        func refuse(_ why: String) -> PolicyExportError { .notExpressible(why) }
        guard let layout = saved.layout, let critic = saved.critic else {
            throw refuse(
                "the policy.json has format \(saved.format), written before policies kept their critic; "
                    + "run the job again to save one of format \(SavedPolicy.currentFormat)")
        }
        let estimator = settings.estimator.name
        switch estimator {
        case .ppo: algorithm = "PPO"
        case .a2c, .gae: algorithm = "A2C"
        default: throw refuse("the estimator \(estimator) has no Stable-Baselines3 class (ppo exports as PPO; a2c and gae as A2C)")
        }
        let p = settings.policy
        guard p.architecture != .tabular else { throw refuse("a tabular policy is not an MlpPolicy") }
        guard !critic.sharesTrunk else {
            throw refuse("the critic shares the policy's trunk (critic.share_trunk), which MlpPolicy's net_arch cannot express")
        }
        guard critic.outputs == 1 else { throw refuse("the critic learns Q(s, ·), not the V(s) of PPO and A2C") }
        let piHidden = p.architecture == .mlp ? p.hidden : []
        let vfHidden = p.architecture == .mlp ? settings.critic.hidden : []
        // SB3 has one activation_fn for both networks; it matters only where there is a hidden layer.
        if !piHidden.isEmpty, !vfHidden.isEmpty, p.activation != settings.critic.activation {
            throw refuse(
                "the policy's activation (\(p.activation.rawValue)) differs from the critic's "
                    + "(\(settings.critic.activation.rawValue)); MlpPolicy has one activation_fn")
        }
        let activation = piHidden.isEmpty ? settings.critic.activation : p.activation
        environment = saved.environment
        observationSize = saved.observationSize
        switch saved.actionHead {
        case "categorical":
            guard let n = Int(saved.actions.dropFirst("discrete ".count)) else { throw refuse("actions \(saved.actions)") }
            actionSpace = ActionSpaceSpec(kind: "discrete", n: n)
        case "gaussian", "gaussian_sde":
            actionSpace = ActionSpaceSpec(kind: "box", low: saved.actionLow, high: saved.actionHigh)
        default:
            throw refuse("the action head \(saved.actionHead ?? "none") is not exported")
        }
        policyKwargs = PolicyKwargs(
            netArch: NetArch(pi: piHidden, vf: vfHidden), activationFn: activation.rawValue,
            orthoInit: (p.initialization ?? p.architecture.defaultInitialization) == .orthogonal,
            logStdInit: saved.actionHead == "categorical" ? nil : p.logStdInit)
        useSDE = saved.actionHead == "gaussian_sde"
        hyperparameters = [
            "gamma": settings.estimator.gamma, "gae_lambda": estimator == .a2c ? 1 : settings.estimator.gaeLambda,
        ]
        var tensors: [String: Tensor] = [:]
        try Self.add(layout, of: saved.parameters, prefix: "pi", depth: piHidden.count, into: &tensors)
        try Self.add(critic.layout, of: critic.parameters, prefix: "vf", depth: vfHidden.count, into: &tensors)
        stateDict = tensors
        normalization = try saved.normalization.map { state throws(PolicyExportError) in
            guard let n = saved.normalizationSettings else { throw refuse("the normalization settings are missing") }
            return Statistics(
                normObs: n.observations, normReward: n.rewards, clipObs: n.clipObservations, clipReward: n.clipRewards,
                gamma: n.gamma, epsilon: n.epsilon, obsMean: state.observations.mean,
                obsVar: state.observations.variance, obsCount: state.observations.count, retMean: state.returns.mean,
                retVar: state.returns.variance, retCount: state.returns.count)
        }
        self.output = output
        self.vecNormalize = normalization == nil ? nil : vecNormalize
    }

    /// Adds the tensors of `layout` (over `values`) under SB3's names: layer l of `prefix`
    /// below `depth` is `mlp_extractor.<policy_net|value_net>.<2l>`, layer `depth` is
    /// `action_net` or `value_net`; `log_std` keeps its name.
    private static func add(
        _ layout: [ParameterTensor], of values: [Float], prefix: String, depth: Int, into tensors: inout [String: Tensor]
    ) throws(PolicyExportError) {
        let extractor = prefix == "pi" ? "mlp_extractor.policy_net" : "mlp_extractor.value_net"
        let head = prefix == "pi" ? "action_net" : "value_net"
        for tensor in layout {
            guard tensor.offset >= 0, tensor.offset + tensor.count <= values.count else {
                throw .notExpressible("\(tensor.name) lies outside the saved parameters")
            }
            let parts = tensor.name.split(separator: ".")
            let name: String
            if tensor.name == "log_std" {
                name = "log_std"
            } else if parts.count == 3, parts[0] == prefix, let l = Int(parts[1]), l <= depth {
                name = l == depth ? "\(head).\(parts[2])" : "\(extractor).\(2 * l).\(parts[2])"
            } else {
                throw .notExpressible("the tensor \(tensor.name) has no place in an MlpPolicy")
            }
            tensors[name] = Tensor(shape: tensor.shape, values: Array(values[tensor.offset..<tensor.offset + tensor.count]))
        }
    }
}
