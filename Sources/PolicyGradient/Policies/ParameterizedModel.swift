/// A learnable model: its parameters θ and their gradient live in one `ParameterBuffer`.
///
/// Policies and critics conform, so the optimizer, gradient clipping and the trainer treat
/// them alike. Models sharing a buffer (a shared trunk) return the same buffer object;
/// step and clip each distinct buffer once (compare with `===`).
public protocol ParameterizedModel: AnyObject {
    /// θ and ∂L/∂θ.
    var parameters: ParameterBuffer { get }
}
