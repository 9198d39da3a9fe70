import TrilateralModel

/// The glyphs that carry meaning next to colour, with their ASCII fallbacks.
public enum Glyphs {
    public static func status(_ status: Commitment.Status, ascii: Bool) -> Character {
        switch status {
        case .established: ascii ? "#" : "■"
        case .launched: ascii ? "+" : "▲"
        case .agreed: ascii ? "*" : "●"
        case .discussed: ascii ? "o" : "○"
        case .stalled: ascii ? "x" : "✕"
        }
    }

    public static func event(happened: Bool, selected: Bool, ascii: Bool) -> Character {
        if ascii { return selected ? "@" : (happened ? "*" : "o") }
        return selected ? "◆" : (happened ? "●" : "○")
    }

    public static func role(for level: Outlook.Level) -> StyleRole {
        switch level {
        case .strong: .outlookStrong
        case .steady: .outlookSteady
        case .strained: .outlookStrained
        case .faltering: .outlookFaltering
        }
    }

    public static func role(forCountry id: String) -> StyleRole {
        switch id {
        case "us": .countryUS
        case "jp": .countryJapan
        case "kr": .countryKorea
        case "cn": .countryChina
        default: .text
        }
    }
}
