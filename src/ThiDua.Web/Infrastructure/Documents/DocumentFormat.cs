using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>A value chosen within the range a legal text allows (e.g. a left margin of 30 mm where 30–35 mm is allowed).</summary>
public sealed record Ranged(double Value, double Min, double Max)
{
    public bool Valid => Min <= Value && Value <= Max;
}

/// <summary>How one element of a document is set: its size in points and whether it is bold or italic.</summary>
public sealed record TextStyle(Ranged Size, bool Bold, bool Italic);

public sealed record PaperSize(string Size, string Orientation, double WidthMm, double HeightMm);

public sealed record Margins(Ranged Top, Ranged Bottom, Ranged Left, Ranged Right);

/// <summary>The styles of each element of an official document, by its place in Decree 30's Appendix I.</summary>
public sealed record DocumentStyles(
    TextStyle IssuingBodyParent,
    TextStyle IssuingBody,
    TextStyle NationalTitle,
    TextStyle Motto,
    TextStyle Number,
    TextStyle PlaceAndDate,
    TextStyle DocumentType,
    TextStyle Subject,
    TextStyle Addressee,
    TextStyle Authority,
    TextStyle LegalBasis,
    TextStyle Body,
    TextStyle Table,
    TextStyle SignatureAuthority,
    TextStyle SignerName,
    TextStyle RecipientsHeading,
    TextStyle Recipients,
    TextStyle PageNumber,
    TextStyle Caption);

/// <summary>
/// The layout of official documents as dated data with its source (ADR 015, ADR 020): a new decree on document
/// formats is a new entry of <c>Data/Seed/document-formats.json</c> from its date, and a document is set by the
/// format in force on its own date (<see cref="DocumentFormats.InForce"/>).
/// </summary>
public sealed record DocumentFormat(
    string Code,
    string Source,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    PaperSize Page,
    Margins MarginsMm,
    string FontFamily,
    double HeaderLeftColumnShare,
    Ranged FirstLineIndentCm,
    Ranged ParagraphSpacingPt,
    Ranged IssuingBodyRuleFraction,
    Ranged SubjectRuleFraction,
    double SignatureSpaceMm,
    double QrCodeMm,
    DocumentStyles Styles)
{
    public bool ValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>Every chosen value that lies outside the range its text allows ("marginsMm.left: 28 ∉ [30, 35]").</summary>
    public IReadOnlyList<string> OutOfRange()
    {
        var values = new List<(string Name, Ranged Value)>
        {
            ("marginsMm.top", MarginsMm.Top), ("marginsMm.bottom", MarginsMm.Bottom), ("marginsMm.left", MarginsMm.Left), ("marginsMm.right", MarginsMm.Right),
            ("firstLineIndentCm", FirstLineIndentCm), ("paragraphSpacingPt", ParagraphSpacingPt),
            ("issuingBodyRuleFraction", IssuingBodyRuleFraction), ("subjectRuleFraction", SubjectRuleFraction),
        };
        values.AddRange(typeof(DocumentStyles).GetProperties().Select(p => ($"styles.{p.Name}.size", ((TextStyle)p.GetValue(Styles)!).Size)));
        return values.Where(v => !v.Value.Valid)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Name}: {v.Value.Value} ∉ [{v.Value.Min}, {v.Value.Max}]")).ToList();
    }
}

/// <summary>The document formats in force over time, read once from the embedded <c>document-formats.json</c>.</summary>
public static class DocumentFormats
{
    public const string ResourceName = "ThiDua.Web.Data.Seed.document-formats.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Lazy<IReadOnlyList<DocumentFormat>> Loaded = new(Load);

    public static IReadOnlyList<DocumentFormat> All => Loaded.Value;

    /// <summary>The format valid on a document's date; a date before any format's is an error of the data, not of the user.</summary>
    public static DocumentFormat InForce(DateOnly date) =>
        All.Where(f => f.ValidOn(date)).OrderByDescending(f => f.ValidFrom).FirstOrDefault()
        ?? throw new InvalidOperationException($"No document format is in force on {date:yyyy-MM-dd}; add one to {ResourceName}.");

    private static List<DocumentFormat> Load()
    {
        using var stream = typeof(DocumentFormats).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var formats = JsonSerializer.Deserialize<List<DocumentFormat>>(stream, Json) ?? [];
        // A chosen value outside the decree's range is a mistake in the data: refuse it rather than print a wrong layout.
        var wrong = formats.SelectMany(f => f.OutOfRange().Select(e => $"{f.Code} {e}")).ToList();
        return wrong.Count == 0 ? formats : throw new InvalidOperationException($"Document formats out of their legal ranges: {string.Join("; ", wrong)}");
    }
}
