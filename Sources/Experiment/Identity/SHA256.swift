import Crypto

/// SHA-256 (FIPS 180-4), for job identities that are the same on every machine.
public enum SHA256 {
    /// The digest of `bytes`, 32 bytes.
    public static func digest<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 {
        Array(Crypto.SHA256.hash(data: Array(bytes)))
    }

    /// The digest of a string's UTF-8 bytes, in lowercase hex.
    public static func hex(_ text: String) -> String {
        hex(digest(text.utf8))
    }

    /// `digest` in lowercase hex, two digits a byte.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return out
    }
}
