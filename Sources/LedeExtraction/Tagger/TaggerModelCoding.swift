import Foundation
import LedeModel

/// The tagger's file format, little-endian:
/// magic "LEDETAG1", format version, bucket bits, features per token, language; 10 × 9 transition
/// weights (Float32); word classes (count, then hash and packed classes, by ascending hash);
/// capitalisation levels (count, then hash of the lower-case form and a level byte); listed names
/// (count, then hash of the lower-cased tokens and a byte of type bits); weights:
/// a scale, the count of non-empty buckets, then per bucket the gap from the previous bucket (LEB128),
/// a 9-bit mask of the tags it holds and one Int16 per tag in the mask (value × scale).
enum TaggerModelCoding {
    static let magic = Array("LEDETAG1".utf8)
    static let formatVersion: UInt32 = 4

    typealias FormatError = ModelFormatError

    static func encode(lang: String, clusters: WordClusters, names: NameList, weights: TaggerWeights, prune: Float) -> Data {
        var out = ByteWriter()
        out.bytes += magic
        out.u32(formatVersion)
        out.u32(UInt32(weights.bucketBits))
        out.u32(UInt32(TaggerFeatures.perToken))
        let langBytes = Array(lang.utf8)
        out.u32(UInt32(langBytes.count))
        out.bytes += langBytes
        for row in weights.transitions {
            for tag in 0..<EntityTag.count { out.f32(row[tag]) }
        }
        let classes = clusters.classes.sorted { $0.key < $1.key }
        out.u32(UInt32(classes.count))
        for (hash, packed) in classes {
            out.u64(hash)
            out.u32(packed)
        }
        let capitalization = clusters.capitalization.sorted { $0.key < $1.key }
        out.u32(UInt32(capitalization.count))
        for (hash, level) in capitalization {
            out.u64(hash)
            out.bytes.append(level)
        }
        let listed = names.types.sorted { $0.key < $1.key }
        out.u32(UInt32(listed.count))
        for (hash, types) in listed {
            out.u64(hash)
            out.bytes.append(types)
        }
        let scale = weights.scale
        out.f32(scale)
        var body = ByteWriter()
        var buckets: UInt32 = 0
        var previous = 0
        for (b, w) in weights.quantized.enumerated() {
            var mask: UInt16 = 0
            for tag in 0..<EntityTag.count where w[tag] != 0 && abs(Float(w[tag]) * scale) >= prune {
                mask |= 1 << UInt16(tag)
            }
            guard mask != 0 else { continue }
            buckets += 1
            body.varint(UInt64(b - previous))
            previous = b
            body.u16(mask)
            for tag in 0..<EntityTag.count where mask & (1 << UInt16(tag)) != 0 { body.u16(UInt16(bitPattern: w[tag])) }
        }
        out.u32(buckets)
        out.bytes += body.bytes
        return Data(out.bytes)
    }

    static func decode(_ data: Data) throws -> (lang: String, clusters: WordClusters, names: NameList, weights: TaggerWeights) {
        var r = ByteReader(bytes: [UInt8](data))
        guard Array(try r.take(magic.count)) == magic else { throw FormatError(description: "not a Lede tagger model") }
        let version = try r.u32()
        guard version == formatVersion else { throw FormatError(description: "tagger model format \(version), expected \(formatVersion)") }
        let bucketBits = Int(try r.u32())
        guard (10...26).contains(bucketBits) else { throw FormatError(description: "bad bucket bits \(bucketBits)") }
        let perToken = Int(try r.u32())
        guard perToken == TaggerFeatures.perToken else {
            throw FormatError(description: "model has \(perToken) features per token, this build \(TaggerFeatures.perToken): retrain")
        }
        let langCount = Int(try r.u32())
        let lang = String(decoding: try r.take(langCount), as: UTF8.self)
        var transitions = [SIMD16<Float>](repeating: .zero, count: 10)
        for row in 0..<10 {
            for tag in 0..<EntityTag.count { transitions[row][tag] = try r.f32() }
        }
        let classCount = try r.count(entryBytes: 12)
        var classes: [UInt64: UInt32] = [:]
        classes.reserveCapacity(classCount)
        for _ in 0..<classCount {
            let hash = try r.u64()
            classes[hash] = try r.u32()
        }
        let capitalizationCount = try r.count(entryBytes: 9)
        var capitalization: [UInt64: UInt8] = [:]
        capitalization.reserveCapacity(capitalizationCount)
        for _ in 0..<capitalizationCount {
            let hash = try r.u64()
            capitalization[hash] = try r.take(1).first!
        }
        let listedCount = try r.count(entryBytes: 9)
        var listed: [UInt64: UInt8] = [:]
        listed.reserveCapacity(listedCount)
        for _ in 0..<listedCount {
            let hash = try r.u64()
            listed[hash] = try r.take(1).first!
        }
        let scale = try r.f32()
        let buckets = Int(try r.u32())
        var weights = [SIMD16<Int16>](repeating: .zero, count: 1 << bucketBits)
        var b = 0
        for _ in 0..<buckets {
            b += Int(try r.varint())
            guard b < weights.count else { throw FormatError(description: "bucket out of range") }
            let mask = try r.u16()
            for tag in 0..<EntityTag.count where mask & (1 << UInt16(tag)) != 0 {
                weights[b][tag] = Int16(bitPattern: try r.u16())
            }
        }
        return (lang, WordClusters(classes: classes, capitalization: capitalization), NameList(types: listed), TaggerWeights(bucketBits: bucketBits, quantized: weights, scale: scale, transitions: transitions))
    }
}
