/// The candidate closest to `word` by edit distance, for "did you mean" hints.
///
/// A candidate is accepted when its Levenshtein distance d to `word` (n characters) satisfies
///
///     d <= min(max(2, n / 3), n - 1)
///
/// that is, up to a third of the word, at least 2 (one transposed pair), but always fewer
/// than n. Since d >= n - m where m is the number of characters an optimal alignment keeps
/// in place, d < n means the candidate keeps at least one of the word's characters: a 2-letter
/// word is allowed one edit ("lx" -> "lr", never "xy" -> "lr") and a 1-letter word none.
/// Among equally close candidates the first wins. Returns nil when no candidate is that close.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let characters = Array(word)
    let limit = min(max(2, characters.count / 3), characters.count - 1)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = levenshtein(characters, Array(candidate))
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
