/// The four themes, built into the binary: an installation without the `Themes/` folder looks
/// the same as one with it. `Themes/*.toml` are copies of these texts (ThemeTests holds them
/// equal), kept as files to read and as examples for a theme of one's own.
enum BuiltInThemes {
    static let sources: [String: String] = [
        "default": """
        # cdsboard default theme (dark). Colours: default, black … white, bright-black … bright-white,
        # 0-255 (xterm palette) or #rrggbb. They degrade to 16, 8 colours or mono by what the
        # terminal supports. Meaning is never carried by colour alone: statuses also have symbols.
        # Calm by design: greys for structure, colour only for meaning (status, selection, change);
        # every text role reads at 4.5:1 or more on its black page, painted under every cell whatever
        # the terminal's own background (Tests: ContrastTests).
        name = "default"

        [roles]
        background = { fg = "white", bg = "16" }
        text       = { fg = "white" }
        muted      = { fg = "246" }
        accent     = { fg = "bright-cyan", bold = true }
        border     = { fg = "242" }
        title      = { fg = "bright-white", bold = true }
        header     = { fg = "bright-white", bg = "236" }
        selection  = { fg = "black", bg = "cyan" }
        status     = { fg = "white", bg = "black" }
        statusKey  = { fg = "bright-white", bg = "black", bold = true }
        good       = { fg = "bright-green" }
        warn       = { fg = "bright-yellow", bold = true }
        bad        = { fg = "bright-red", bold = true }
        stale      = { fg = "black", bg = "bright-yellow", bold = true }
        error      = { fg = "bright-white", bg = "red", bold = true }
        chart1     = { fg = "74" }
        chart2     = { fg = "140" }
        chart3     = { fg = "108" }
        chart4     = { fg = "179" }
        barEmpty   = { fg = "242" }
        bigDigits  = { fg = "bright-white", bold = true }
        map1       = { fg = "61" }
        map2       = { fg = "67" }
        map3       = { fg = "73" }
        map4       = { fg = "114" }
        map5       = { fg = "229" }
        """,
        "light": """
        # cdsboard light theme: dark text on a light background.
        name = "light"

        [roles]
        background = { fg = "black", bg = "255" }
        text       = { fg = "black", bg = "255" }
        muted      = { fg = "24", bg = "255" }
        accent     = { fg = "25", bg = "255", bold = true }
        border     = { fg = "67", bg = "255" }
        title      = { fg = "black", bg = "255", bold = true }
        header     = { fg = "231", bg = "25" }
        selection  = { fg = "231", bg = "24" }
        status     = { fg = "black", bg = "252" }
        statusKey  = { fg = "88", bg = "252", bold = true }
        good       = { fg = "22", bg = "255", bold = true }
        warn       = { fg = "94", bg = "255", bold = true }
        bad        = { fg = "160", bg = "255", bold = true }
        stale      = { fg = "black", bg = "220", bold = true }
        error      = { fg = "231", bg = "124", bold = true }
        chart1     = { fg = "25", bg = "255" }
        chart2     = { fg = "90", bg = "255" }
        chart3     = { fg = "28", bg = "255" }
        chart4     = { fg = "130", bg = "255" }
        barEmpty   = { fg = "244", bg = "255" }
        bigDigits  = { fg = "black", bg = "255", bold = true }
        map1       = { fg = "66" }
        map2       = { fg = "30" }
        map3       = { fg = "26" }
        map4       = { fg = "19" }
        map5       = { fg = "53" }
        """,
        "high-contrast": """
        # cdsboard high-contrast theme, for wall screens read from across the room:
        # pure white on black, bold everywhere, saturated statuses.
        name = "high-contrast"

        [roles]
        background = { fg = "bright-white", bg = "black" }
        text       = { fg = "bright-white", bg = "black", bold = true }
        muted      = { fg = "bright-cyan", bg = "black", bold = true }
        accent     = { fg = "bright-yellow", bg = "black", bold = true }
        border     = { fg = "bright-white", bg = "black" }
        title      = { fg = "bright-yellow", bg = "black", bold = true }
        header     = { fg = "black", bg = "bright-white", bold = true }
        selection  = { fg = "black", bg = "bright-yellow", bold = true }
        status     = { fg = "bright-white", bg = "black", bold = true }
        statusKey  = { fg = "black", bg = "bright-white", bold = true }
        good       = { fg = "bright-green", bg = "black", bold = true }
        warn       = { fg = "bright-yellow", bg = "black", bold = true, underline = true }
        bad        = { fg = "bright-red", bg = "black", bold = true, reverse = true }
        stale      = { fg = "black", bg = "bright-yellow", bold = true }
        error      = { fg = "bright-white", bg = "red", bold = true }
        chart1     = { fg = "bright-cyan", bg = "black", bold = true }
        chart2     = { fg = "bright-magenta", bg = "black", bold = true }
        chart3     = { fg = "bright-green", bg = "black", bold = true }
        chart4     = { fg = "bright-yellow", bg = "black", bold = true }
        barEmpty   = { fg = "bright-black", bg = "black" }
        bigDigits  = { fg = "bright-white", bg = "black", bold = true }
        map1       = { fg = "68" }
        map2       = { fg = "74" }
        map3       = { fg = "80" }
        map4       = { fg = "150" }
        map5       = { fg = "230" }
        """,
        "mono": """
        # cdsboard monochrome theme: bold, reverse and underline only. Used when NO_COLOR is set
        # or the terminal has no colours; statuses keep their symbols (● ▲ ✖).
        name = "mono"

        [roles]
        background = {}
        text       = {}
        muted      = {}
        accent     = { bold = true }
        border     = {}
        title      = { bold = true }
        header     = { reverse = true }
        selection  = { reverse = true }
        status     = { reverse = true }
        statusKey  = { reverse = true, bold = true }
        good       = { bold = true }
        warn       = { bold = true, underline = true }
        bad        = { bold = true, reverse = true }
        stale      = { reverse = true, bold = true }
        error      = { reverse = true, bold = true }
        chart1     = {}
        chart2     = {}
        chart3     = {}
        chart4     = {}
        barEmpty   = {}
        bigDigits  = { bold = true }
        map1       = {}
        map2       = {}
        map3       = {}
        map4       = {}
        map5       = {}
        """,
    ]
}
