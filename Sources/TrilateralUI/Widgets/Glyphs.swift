import TrilateralModel

/// The glyphs that carry meaning next to colour, with their ASCII fallbacks.
public enum Glyphs {
    /// A commitment's status (the canvas draws ASCII stand-ins where it must).
    public static func status(_ status: Commitment.Status) -> Character {
        switch status {
        case .established: "■"
        case .launched: "▲"
        case .agreed: "●"
        case .discussed: "○"
        case .stalled: "✕"
        }
    }

    /// An event marker: selected, happened by the as-of date, or still expected.
    public static func event(happened: Bool, selected: Bool) -> Character {
        selected ? "◆" : (happened ? "●" : "○")
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
