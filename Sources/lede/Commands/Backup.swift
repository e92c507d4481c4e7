import ArgumentParser
import Foundation
import LedeStore

/// `lede backup --db PATH --out FILE`: a consistent copy of a database, taken while a service writes to
/// it, checked before the command says it is done.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copies a live database consistently (SQLite's online backup) and checks the copy.",
        discussion: "Prints one JSON line: the copy's size, its results, its seq range and SQLite's integrity check. Exit 1 when the check fails.")

    @Option(help: "The database to copy.") var db: String
    @Option(help: "The copy to write (must not exist).") var out: String

    func run() async throws {
        let outcome: BackupOutcome
        do { outcome = try Store.backup(from: db, to: out) } catch { throw CLIError("\(error)") }
        print(#"{"out":"\#(out)","bytes":\#(outcome.bytes),"results":\#(outcome.results),"last_seq":\#(outcome.lastSeq),"pruned_through":\#(outcome.prunedThrough),"integrity":"\#(outcome.integrity)","consistent":\#(outcome.isConsistent)}"#)
        guard outcome.isConsistent else { throw CLIError("the copy at \(out) failed its check: \(outcome.integrity), \(outcome.results) results for seq \(outcome.prunedThrough + 1)…\(outcome.lastSeq)") }
    }
}
