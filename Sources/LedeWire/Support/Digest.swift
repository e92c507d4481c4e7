import Crypto

/// SHA-256 as lowercase hex, from swift-crypto (BoringSSL on Linux): article content ids, the hash kept
/// for a refused message, and the model fingerprints `lede --version` prints.
public enum Digest {
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}

/// SHA-256 over several pieces without joining them first.
public struct SHA256Hasher {
    private var state = SHA256()

    public init() {}

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { state.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if done == nil { state.update(data: Array(bytes)) }
    }

    public mutating func finalizeHex() -> String {
        let digest = state.finalize()
        var hex = ""
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(Self.digits[Int(byte >> 4)])
            hex.append(Self.digits[Int(byte & 0xF)])
        }
        return hex
    }

    private static let digits = Array("0123456789abcdef")
}
