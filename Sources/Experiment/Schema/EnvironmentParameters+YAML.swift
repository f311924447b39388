import PolicyGradient
import YAML

/// Reading and writing `environment.params` by the schema of the environment's descriptor.
extension EnvironmentParameters {
    /// The params at `key` read by `descriptor`'s schema, every absent key at its default.
    ///
    /// Each value is read as its kind and checked against its rule where it stands, so errors
    /// name the file, line and column of the value; keys outside the schema are reported as
    /// unknown, with a "did you mean". Without params, an environment with a required
    /// parameter fails with "ID needs 'params'".
    static func decode<K: CodingKey>(
        for descriptor: EnvironmentDescriptor, from container: KeyedDecodingContainer<K>, key: K
    ) throws -> EnvironmentParameters {
        let present = try container.contains(key) && !container.decodeNil(forKey: key)
        guard present else {
            guard !descriptor.parameters.contains(where: \.isRequired) else {
                throw DecodingError.keyNotFound(key, .init(
                    codingPath: container.codingPath, debugDescription: "\(descriptor.id) needs 'params'"))
            }
            return try descriptor.resolve([:])
        }
        let decoder = try container.superDecoder(forKey: key)
        let c = try decoder.container(keyedBy: StringKey.self)
        var params = EnvironmentParameters()
        for parameter in descriptor.parameters {
            let key = StringKey(parameter.key)
            let value: ParameterValue?
            if parameter.isRequired {
                value = try c.decodeParameter(parameter.kind, forKey: key)
            } else {
                value = try c.contains(key) && !c.decodeNil(forKey: key)
                    ? try c.decodeParameter(parameter.kind, forKey: key) : parameter.defaultValue
            }
            if let value, let message = parameter.rule?.check?(value) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: message)
            }
            params[parameter.key] = value
        }
        try decoder.reportUnknownKeys()
        return params
    }

    /// Writes the params in the schema's order, the way the file reader's types did, so that
    /// resolved configurations (and the job ids hashed from them) keep their bytes.
    func encode(for descriptor: EnvironmentDescriptor, to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: StringKey.self)
        for parameter in descriptor.parameters {
            guard let value = self[parameter.key] else { continue }
            let key = StringKey(parameter.key)
            switch value {
            case .integer(let v): try c.encode(v, forKey: key)
            case .real(let v): try c.encode(v, forKey: key)
            case .integers(let v): try c.encode(v, forKey: key)
            case .reals(let v): try c.encode(v, forKey: key)
            case .realRows(let v): try c.encode(v, forKey: key)
            case .realTables(let v): try c.encode(v, forKey: key)
            }
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key` as a parameter of `kind`.
    fileprivate func decodeParameter(_ kind: ParameterKind, forKey key: Key) throws -> ParameterValue {
        switch kind {
        case .integer: .integer(try decode(Int.self, forKey: key))
        case .real: .real(try decode(Double.self, forKey: key))
        case .integers: .integers(try decode([Int].self, forKey: key))
        case .reals: .reals(try decode([Double].self, forKey: key))
        case .realRows: .realRows(try decode([[Double]].self, forKey: key))
        case .realTables: .realTables(try decode([[[Double]]].self, forKey: key))
        }
    }
}
