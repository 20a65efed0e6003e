using ScottPlot;
using SkiaSharp;

namespace ListeningClub.Bot.Rendering.Charts;

/// <summary>
/// The charts' font: DejaVu Sans, embedded in the bot (third_party/dejavu-fonts), so a machine with no fonts installed
/// (a slim container, a CI runner) still draws every label. Registered once with ScottPlot, ahead of the system's fonts.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name every chart uses.</summary>
    public const string Family = "ListeningClub Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes sure the embedded font is registered; cheap after the first call.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream($"ListeningClub.Bot.Fonts.{file}")
            ?? throw new InvalidOperationException($"The embedded font {file} is missing from the build.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The embedded font {file} could not be read.");
    }

    /// <summary>Answers <see cref="Family"/> with the embedded typefaces; every other family is left to the next resolver.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
    }
}
