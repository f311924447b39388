/// The candidate closest to `word` by edit distance, for "did you mean" hints.
///
/// A candidate is accepted when its Levenshtein distance d to `word` satisfies
/// d <= max(2, word.count / 3); among equally close candidates the first wins.
/// Returns nil when no candidate is that close.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = levenshtein(Array(word), Array(candidate))
        if d <= limit, best == nil || d < best!.distance { best = (candidate, d) }
    }
    return best?.candidate
}

/// The Levenshtein distance (insertions, deletions, substitutions each cost 1), O(m·n) time, O(n) space.
func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
