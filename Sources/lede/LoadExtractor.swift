import LedeExtraction
import LedeModel

/// The shipped extractor, or one clear line (exit 1) when a model is missing or unreadable: a badly
/// built package must stop at start instead of answering with empty results.
func loadExtractor() throws -> Extractor {
    do {
        return try Extractor()
    } catch {
        throw CLIError("cannot load the extraction models: \(error)")
    }
}
