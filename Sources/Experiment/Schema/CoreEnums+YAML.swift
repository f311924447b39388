import PolicyGradient
import YAML

// The choices an experiment file names are the core's own enumerations; their raw values
// are the file's spellings. Conforming them to YAMLEnum gives "did you mean" on a typo.

extension Baseline: Codable, YAMLEnum {}
extension MeasurementStart: Codable, YAMLEnum {}
extension TrainerSettings.EstimatorName: Codable, YAMLEnum {}
extension TrainerSettings.CriticTarget: Codable, YAMLEnum {}
extension TrainerSettings.EvalPolicy: Codable, YAMLEnum {}
extension ModelArchitecture: Codable, YAMLEnum {}
extension ActivationFunction: Codable, YAMLEnum {}
extension WeightInitialization: Codable, YAMLEnum {}
extension LearningRateSchedule: Codable, YAMLEnum {}
