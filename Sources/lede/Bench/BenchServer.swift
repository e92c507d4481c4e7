import ArgumentParser
import Foundation
import LedeModel
import LedeService
import LedeStore
import LedeWire
import Logging

/// The service a benchmark runs in its own process: a temporary database and loopback sockets with
/// their real ports, removed again by `stop()`.
final class BenchServer {
    let server: LedeServer
    let endpoints: BoundEndpoints
    private let directory: URL

    init(workers: Int, durability: String = "full") throws {
        guard let level = Store.Durability(rawValue: durability) else { throw ValidationError("--durability must be full or normal") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var c = ServiceConfiguration()
        c.databasePath = directory.appendingPathComponent("bench.sqlite").path
        c.ingestSub = nil
        c.ingestPull = "tcp://127.0.0.1:*"
        c.publish = "tcp://127.0.0.1:*"
        c.api = "tcp://127.0.0.1:*"
        c.workers = workers
        c.durability = level
        var logger = Logger(label: "lede-bench")
        logger.logLevel = .warning
        server = try LedeServer(configuration: c, logger: logger)
        endpoints = try server.start(extractor: try loadExtractor())
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

extension BenchCorpus {
    /// A corpus article as an ingest message under another id.
    static func message(_ a: Article, id: String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.string(id)
        if let t = a.title { w.key("title"); w.string(t) }
        w.key("body"); w.string(a.body)
        if let l = a.lang { w.key("lang"); w.string(l) }
        if let p = a.publishedAt { w.key("published_at"); w.string(p.iso) }
        w.endObject()
        return w.bytes
    }
}
