import Foundation
import Synchronization

/// Set by SIGINT/SIGTERM, so the blocking client loops end cleanly; `action` runs once per signal too,
/// for a loop blocked where it cannot look at the flag (`lede proxy` inside libzmq's proxy).
final class SignalFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }

    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(action: @escaping @Sendable () -> Void = {}) -> SignalFlag {
        let f = SignalFlag()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                f.flag.store(true, ordering: .relaxed)
                action()
            }
            source.resume()
            sources.append(source)
        }
        return f
    }
}
