/// How a run ended, as the HPARAMS view's status column tells it (hparams' `Status`).
package enum RunStatus: Sendable, Equatable {
    case success
    case failure
}
