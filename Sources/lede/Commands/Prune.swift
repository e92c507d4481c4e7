import ArgumentParser
import Foundation
import LedeStore
import LedeWire

/// `lede prune --db PATH --before T`: removes what was committed before T, while a service may run.
struct Prune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Removes articles, results and rejects committed before a time.",
        discussion: """
            Works in short transactions, so a service using the database keeps committing. Seq numbers are never \
            given again; a replay that starts in the removed range is answered with pruned_before. Space goes back \
            to the file system on files this release created; --vacuum converts an older file (a full VACUUM, \
            which holds the service's writes for as long as it takes). Prints one JSON line.
            """)

    @Option(help: "The database.") var db: String
    @Option(help: "Remove what was committed before this time (ISO 8601).") var before: String
    @Flag(help: "Rewrite an older file once so that space can be given back (holds writers meanwhile).") var vacuum = false

    func run() async throws {
        guard let cutoff = ISODateTime.parse(before) else { throw ValidationError("--before must be an ISO 8601 date or time, got \"\(before)\"") }
        guard FileManager.default.fileExists(atPath: db) else { throw CLIError("no database at \(db)") }
        do {
            let store = try Store(path: db)
            let outcome = try store.prune(before: cutoff.millisSince1970)
            let incremental = try store.reclaimsSpaceIncrementally()
            if vacuum && !incremental { try store.vacuumAndReclaimIncrementally() }
            print(#"{"results":\#(outcome.results),"articles":\#(outcome.articles),"events":\#(outcome.events),"rejects":\#(outcome.rejects),"pruned_through":\#(outcome.prunedThrough),"bytes_freed":\#(outcome.bytesFreed),"incremental_vacuum":\#(incremental || vacuum)}"#)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
    }
}
