/// One tensor inside a saved parameter vector: its name, where its first value is, and its
/// shape, the values following row-major (the last index fastest).
///
/// Names: `pi.<l>.weight` `[out, in]` and `pi.<l>.bias` `[out]` for layer l of the policy's
/// network, `vf.<l>.*` for the critic's, `trunk.<l>.*` for a shared trunk, `log_std` for the
/// Gaussian head, `table` `[states, outputs]` for a tabular model (docs/policy-format.md).
public struct ParameterTensor: Codable, Sendable, Equatable {
    public var name: String
    /// Index of the first value in the parameter vector.
    public var offset: Int
    public var shape: [Int]

    public init(name: String, offset: Int, shape: [Int]) {
        self.name = name
        self.offset = offset
        self.shape = shape
    }

    /// Number of values, the product of `shape`.
    public var count: Int { shape.reduce(1, *) }

    /// The tensors of the layers of `network`, `prefix.<l>.weight` then `prefix.<l>.bias`.
    static func layers(of network: MLP, prefix: String) -> [ParameterTensor] {
        (0..<network.layerCount).flatMap { l in
            [
                ParameterTensor(
                    name: "\(prefix).\(l).weight", offset: network.weightOffsets[l],
                    shape: [network.sizes[l + 1], network.sizes[l]]),
                ParameterTensor(name: "\(prefix).\(l).bias", offset: network.biasOffsets[l], shape: [network.sizes[l + 1]]),
            ]
        }
    }

    /// The tensors of `network` (trunk, then head named `head`).
    static func layers(of network: TrunkedNetwork, head: String) -> [ParameterTensor] {
        (network.trunk.map { layers(of: $0, prefix: "trunk") } ?? []) + layers(of: network.head, prefix: head)
    }
}
