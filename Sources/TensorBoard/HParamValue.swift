/// One hyperparameter's value as TensorBoard's HPARAMS view shows and filters it: a number,
/// a truth value or a text (google.protobuf.Value's scalar kinds).
package enum HParamValue: Sendable, Equatable {
    case number(Double)
    case bool(Bool)
    case string(String)

    /// `text` read as the most specific kind it spells: `true`/`false` a truth value, a
    /// finite decimal number a number, anything else a text.
    package init(parsing text: String) {
        if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else if let number = Double(text), number.isFinite {
            self = .number(number)
        } else {
            self = .string(text)
        }
    }
}
