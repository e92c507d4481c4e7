import Foundation
import Synchronization

/// Set by SIGINT/SIGTERM, so the blocking client loops end cleanly.
final class SignalFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }

    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() -> SignalFlag {
        let f = SignalFlag()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { f.flag.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
        return f
    }
}
