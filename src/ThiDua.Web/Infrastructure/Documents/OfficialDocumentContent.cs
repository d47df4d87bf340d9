using System.Globalization;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// What an official document says, without its layout (which is <see cref="DocumentFormat"/>'s): the composer fills it
/// from the data, <see cref="DocxRenderer"/> sets it as Decree 30 lays documents out. A record, so the caller can
/// change a field before rendering (<c>content with { Number = "12/BC-SKHCN" }</c> when the clerk gives the number).
/// </summary>
public sealed record OfficialDocumentContent
{
    /// <summary>A plain one-line title for lists and file names: "Quyết định số 05/QĐ-UBND khen thưởng …".</summary>
    public required string Title { get; init; }

    /// <summary>The issuing body: "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NINH", or "UBND TỈNH QUẢNG NINH" / "SỞ Y TẾ".</summary>
    public required IssuingBody IssuingBody { get; init; }

    /// <summary>The registered number with its symbol ("05/QĐ-UBND"); null before the records office gives one.</summary>
    public string? Number { get; init; }

    /// <summary>The symbol alone ("TTr-SYT"), printed after a blank for the number while <see cref="Number"/> is null.</summary>
    public string? Symbol { get; init; }

    public required string Place { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>"QUYẾT ĐỊNH", "TỜ TRÌNH", "BIÊN BẢN", "BÁO CÁO", "THÔNG BÁO".</summary>
    public required string DocumentType { get; init; }

    /// <summary>The subject (trích yếu): "Về việc khen thưởng …".</summary>
    public required string Subject { get; init; }

    /// <summary>Who decides, under the subject of a decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH".</summary>
    public string? Authority { get; init; }

    /// <summary>"Kính gửi:" lines of a Tờ trình or Báo cáo; one is printed on the same line, several as a list.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>"Căn cứ …;" lines, in italics; the last ends with a full stop.</summary>
    public IReadOnlyList<string> LegalBases { get; init; } = [];

    public IReadOnlyList<DocumentBlock> Body { get; init; } = [];

    /// <summary>Attached lists, each on a new page after the signature: "DANH SÁCH … (Kèm theo Quyết định số …)".</summary>
    public IReadOnlyList<Annex> Annexes { get; init; } = [];

    public required SignatureBlock Signature { get; init; }

    /// <summary>A second signature in the left column instead of "Nơi nhận" (the secretary of a Biên bản).</summary>
    public SignatureBlock? CoSignature { get; init; }

    /// <summary>"Nơi nhận:" lines without their dash: "Như Điều 3;", …, "Lưu: VT, TĐKT." last.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string SignerName => Signature.Name;

    public string SignerTitle => Signature.Title;

    /// <summary>"Số: 05/QĐ-UBND", or "Số:      /TTr-SYT" with a blank for the number.</summary>
    public string NumberLine => Number is { } n ? $"Số: {n}" : $"Số:        /{Symbol}";

    /// <summary>"Quảng Ninh, ngày 05 tháng 01 năm 2026" (Decree 30: a zero before a day below 10 and before months 1 and 2).</summary>
    public string PlaceAndDate => $"{Place}, {DocumentDates.Long(Date)}";
}

public sealed record IssuingBody(string? ParentLine, string Line);

/// <summary>"KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", space for the signature, then the name in bold.</summary>
public sealed record SignatureBlock(string? Authority, string Title, string Name)
{
    /// <summary>
    /// Reads a signer's title as entered ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Phó Chủ tịch", "CHỦ TỊCH"): a deputy signs for
    /// the head ("KT." — ký thay), so "PHÓ CHỦ TỊCH" becomes "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH".
    /// </summary>
    public static SignatureBlock FromTitle(string title, string name)
    {
        var upper = title.Trim().ToUpper(Vi);
        if (upper.StartsWith("KT.", StringComparison.Ordinal) || upper.StartsWith("TM.", StringComparison.Ordinal) || upper.StartsWith("TL.", StringComparison.Ordinal))
        {
            var deputy = upper.IndexOf(" PHÓ ", StringComparison.Ordinal);
            return deputy > 0 ? new(upper[..deputy].Trim(), upper[(deputy + 1)..].Trim(), name) : new(null, upper, name);
        }
        return upper.StartsWith("PHÓ ", StringComparison.Ordinal) ? new($"KT. {upper[4..].Trim()}", upper, name) : new(null, upper, name);
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>A part of the body.</summary>
public abstract record DocumentBlock;

/// <summary>A justified paragraph with a first-line indent; <see cref="Centered"/> ones ("QUYẾT ĐỊNH:") have none.</summary>
public sealed record TextParagraph(string Text) : DocumentBlock
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Centered { get; init; }
}

/// <summary>An article of a decision: "Điều 1." in bold, then its text.</summary>
public sealed record Article(string Heading, string Text) : DocumentBlock;

/// <summary>A bold section heading: "I. KẾT QUẢ THỰC HIỆN".</summary>
public sealed record SectionHeading(string Text) : DocumentBlock;

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A column: its header, its share of the text width, and how its cells align.</summary>
public sealed record TableColumn(string Header, double Share, CellAlign Align = CellAlign.Left);

/// <summary>A row; a <see cref="Group"/> row spans every column in bold ("I. TẬP THỂ").</summary>
public sealed record DocumentRow(IReadOnlyList<string> Cells)
{
    public bool Group { get; init; }
    public bool Bold { get; init; }

    public static DocumentRow GroupRow(string text) => new([text]) { Group = true };
}

/// <summary>A ruled table in the body or an annex.</summary>
public sealed record DocumentTable(IReadOnlyList<TableColumn> Columns, IReadOnlyList<DocumentRow> Rows) : DocumentBlock;

/// <summary>An attached list on its own page: a bold centred title, an italic line under it, the table.</summary>
public sealed record Annex(string Title, string? Subtitle, DocumentTable Table);

/// <summary>Dates and amounts as Vietnamese documents write them.</summary>
public static class DocumentDates
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"ngày 05 tháng 01 năm 2026", "ngày 15 tháng 7 năm 2022": a zero before a day below 10 and months 1–2 (Decree 30, Appendix I).</summary>
    public static string Long(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:D2} tháng {(date.Month <= 2 ? date.Month.ToString("D2", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    /// <summary>"05/01/2026".</summary>
    public static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1.234.000": Vietnamese thousands separators, no decimals.</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0", Vi);

    /// <summary>A score with two decimals, as rankings print them: "75,50".</summary>
    public static string Score(double value) => value.ToString("N2", Vi);

    /// <summary>"85,25".</summary>
    public static string Number(double value, int decimals = 2) => Math.Round(value, decimals).ToString("#,##0.##", Vi);
}
