// PROVISIONAL: the rules helper replaces this with DATE, TIME, MONEY, PERCENT and QUANTITY rules.

/// Finds values (dates, times, money, percentages, quantities) with normalised values.
public enum ValueRules {
    public static func find(in text: AnalyzedText, lang: String, publishedAt: PublicationDate?) -> [Mention] { [] }
}
