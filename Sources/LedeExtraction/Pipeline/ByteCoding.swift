import LedeModel
/// A shipped model file that cannot be read: truncated, of another format, or for another build.
public struct ModelFormatError: Error, CustomStringConvertible {
    public var description: String
}

/// Little-endian writing and bounds-checked reading of the models' binary files.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, position + n <= bytes.count else {
            throw ModelFormatError(description: "model file truncated")
        }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func unsigned(_ n: Int) throws -> UInt64 {
        var v: UInt64 = 0
        for (k, byte) in try take(n).enumerated() { v |= UInt64(byte) << (8 * UInt64(k)) }
        return v
    }

    /// A count of entries that must fit in what is left of the file (a corrupt count never allocates).
    mutating func count(entryBytes: Int) throws -> Int {
        let n = Int(try u32())
        guard n * entryBytes <= bytes.count - position else {
            throw ModelFormatError(description: "model file truncated")
        }
        return n
    }

    mutating func u16() throws -> UInt16 { UInt16(try unsigned(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try unsigned(4)) }
    mutating func u64() throws -> UInt64 { try unsigned(8) }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }

    mutating func varint() throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try take(1).first!
            v |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return v }
            shift += 7
            guard shift < 64 else { throw ModelFormatError(description: "bad varint in model file") }
        }
    }
}

extension ByteWriter {
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes += utf8
    }
}

extension ByteReader {
    mutating func string() throws -> String {
        let n = try count(entryBytes: 1)
        return String(decoding: try take(n), as: UTF8.self)
    }
}
