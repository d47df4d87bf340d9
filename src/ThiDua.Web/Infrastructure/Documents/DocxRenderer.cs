using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using QRCoder;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace ThiDua.Web.Infrastructure.Documents;

/// <summary>
/// Sets an <see cref="OfficialDocumentContent"/> as a Word document laid out by the <see cref="DocumentFormat"/> in force
/// on its date (Decree 30/2020, Appendix I). The DOCX is the single source of the layout: the PDF is LibreOffice's
/// rendering of it (ADR 020), so everything here is plain WordprocessingML that both Word and LibreOffice read the same
/// way — borderless tables for the two-column blocks, paragraph borders with indents for the short rules.
/// </summary>
public sealed class DocxRenderer
{
    public byte[] Render(OfficialDocumentContent content, string? verificationUrl)
    {
        var format = DocumentFormats.InForce(content.Date);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main, format);
            AddSettings(main);
            new Writer(format, main).Write(content, verificationUrl);
            document.PackageProperties.Title = content.Title;
            document.PackageProperties.Creator = "ThiDua";
            document.PackageProperties.Language = "vi-VN";
            // The document's own date, not the time of rendering: the same content gives the same properties.
            document.PackageProperties.Created = content.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A draft corrected in Word, issued: the QR code of its verification address is added at the end of its text, as
    /// <see cref="Render"/> places it (the rest of the file is kept as the author left it).
    /// </summary>
    public byte[] AddVerificationCode(byte[] docx, DateOnly date, string verificationUrl)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        try
        {
            using var document = WordprocessingDocument.Open(stream, true);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new DocumentRenderException("Tệp Word không có phần nội dung chính; không thêm được mã QR.");
            // The section's properties must stay the body's last element: the code goes before them.
            var section = body.Elements<SectionProperties>().LastOrDefault();
            section?.Remove();
            var usedIds = body.Descendants<DW.DocProperties>().Select(p => p.Id?.Value ?? 0).DefaultIfEmpty(0u).Max();
            new Writer(DocumentFormats.InForce(date), main!, usedIds).WriteQrCode(verificationUrl);
            if (section is not null)
            {
                body.Append(section);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            throw new DocumentRenderException("Tệp Word của bản dự thảo không đọc được; không thêm được mã QR.", e);
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main, DocumentFormat format)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var runDefaults = new RunPropertiesBaseStyle
        {
            RunFonts = new RunFonts { Ascii = format.FontFamily, HighAnsi = format.FontFamily, ComplexScript = format.FontFamily, EastAsia = format.FontFamily },
            FontSize = new FontSize { Val = HalfPoints(format.Styles.Body.Size.Value) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(format.Styles.Body.Size.Value) },
            Languages = new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" },
        };
        var paragraphDefaults = new ParagraphPropertiesBaseStyle
        {
            SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
        };
        part.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        // Word 2013+ layout (compatibility mode 15): tables start at the margin, as LibreOffice places them.
        part.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = "vi-VN" });
    }

    internal static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    /// <summary>Writes one document; holds the format and the text width every table and rule is measured against.</summary>
    private sealed class Writer(DocumentFormat format, MainDocumentPart main, uint lastDrawingId = 0)
    {
        private readonly DocumentStyles _s = format.Styles;
        private readonly Body _body = main.Document.Body!;
        private uint _drawingId = lastDrawingId;

        /// <summary>The margins as twips, rounded up so that rounding never takes a margin below its legal minimum.</summary>
        private int Margin(Ranged mm) => (int)Math.Ceiling(mm.Value * 1440 / 25.4);

        private int TextWidth => Twips(format.Page.WidthMm) - Margin(format.MarginsMm.Left) - Margin(format.MarginsMm.Right);

        public void Write(OfficialDocumentContent content, string? verificationUrl)
        {
            WriteHeader(content);
            WriteTitle(content);
            foreach (var basis in content.LegalBases)
            {
                _body.Append(BodyParagraph([TextRun(basis, _s.LegalBasis)]));
            }
            foreach (var block in content.Body)
            {
                _body.Append(Block(block));
                if (block is DocumentTable)
                {
                    // The paragraphs' spacing is after them; a table needs the same air before the text that follows it.
                    _body.Append(Paragraph([], new ParagraphProperties
                    {
                        SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = ((int)(format.ParagraphSpacingPt.Value * 20)).ToString(Inv), LineRule = LineSpacingRuleValues.Exact },
                        ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }),
                    }));
                }
            }
            // The signature never stands alone on a page: the last paragraph before it goes with it.
            if (_body.LastChild is Paragraph last)
            {
                last.ParagraphProperties ??= new ParagraphProperties();
                last.ParagraphProperties.KeepNext = new KeepNext();
            }
            _body.Append(SignatureTable(content));
            foreach (var annex in content.Annexes)
            {
                WriteAnnex(annex);
            }
            if (!string.IsNullOrWhiteSpace(verificationUrl))
            {
                WriteQrCode(verificationUrl);
            }
            _body.Append(SectionProperties());
        }

        /// <summary>The issuing body, number (left) and the national title, motto, place and date (right), in a borderless table.</summary>
        private void WriteHeader(OfficialDocumentContent content)
        {
            var left = (int)Math.Round(TextWidth * format.HeaderLeftColumnShare);
            var right = TextWidth - left;
            var leftTop = new List<OpenXmlElement>();
            if (content.IssuingBody.ParentLine is { } parent)
            {
                leftTop.Add(Centered(parent, _s.IssuingBodyParent));
            }
            leftTop.Add(Centered(content.IssuingBody.Line, _s.IssuingBody));
            leftTop.Add(Rule(left, Math.Min(LongestLine(content.IssuingBody.Line, _s.IssuingBody), left) * format.IssuingBodyRuleFraction.Value));
            const string title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
            const string motto = "Độc lập - Tự do - Hạnh phúc";
            List<OpenXmlElement> rightTop =
            [
                Centered(title, _s.NationalTitle),
                Centered(motto, _s.Motto),
                Rule(right, LongestLine(motto, _s.Motto)),
            ];
            var number = Centered(content.NumberLine, _s.Number, before: 6);
            var date = Centered(content.PlaceAndDate, _s.PlaceAndDate, before: 6);
            _body.Append(LayoutTable([left, right], [[leftTop, rightTop], [[number], [date]]]));
        }

        /// <summary>The type, the subject with its rule, who decides, and to whom.</summary>
        private void WriteTitle(OfficialDocumentContent content)
        {
            _body.Append(Centered(content.DocumentType, _s.DocumentType, before: 18));
            _body.Append(Centered(content.Subject, _s.Subject));
            _body.Append(Rule(TextWidth, Math.Min(LongestLine(content.Subject, _s.Subject), TextWidth) * format.SubjectRuleFraction.Value));
            if (content.Authority is { } authority)
            {
                _body.Append(Centered(authority, _s.Authority, before: 12, after: 6));
            }
            if (content.Addressees.Count == 1)
            {
                _body.Append(Centered($"Kính gửi: {content.Addressees[0]}", _s.Addressee, before: 12, after: 6));
            }
            else if (content.Addressees.Count > 1)
            {
                // Several addressees: "Kính gửi:" then one per line, aligned under each other from the middle of the line.
                var indent = Twips(45);
                _body.Append(Paragraph([TextRun("Kính gửi:", _s.Addressee)], new ParagraphProperties
                {
                    SpacingBetweenLines = Spacing(12, 0),
                    Indentation = new Indentation { Left = (indent - Twips(22)).ToString(Inv) },
                }));
                foreach (var addressee in content.Addressees)
                {
                    _body.Append(Paragraph([TextRun($"- {addressee}", _s.Addressee)], new ParagraphProperties
                    {
                        Indentation = new Indentation { Left = indent.ToString(Inv) },
                    }));
                }
                _body.Append(Paragraph([], new ParagraphProperties { SpacingBetweenLines = Spacing(0, 6) }));
            }
            else
            {
                _body.Append(Paragraph([], new ParagraphProperties { SpacingBetweenLines = Spacing(0, 6) }));
            }
        }

        private OpenXmlElement Block(DocumentBlock block) => block switch
        {
            TextParagraph { Centered: true } p => Centered(p.Text, _s.Body with { Bold = p.Bold, Italic = p.Italic }, before: 6, after: 6),
            TextParagraph p => BodyParagraph([TextRun(p.Text, _s.Body with { Bold = p.Bold, Italic = p.Italic })]),
            Article a => BodyParagraph([TextRun(a.Heading, _s.Body with { Bold = true }), TextRun(" " + a.Text, _s.Body)]),
            SectionHeading h => BodyParagraph([TextRun(h.Text, _s.Body with { Bold = true })]),
            DocumentTable t => RuledTable(t),
            _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name),
        };

        /// <summary>"Nơi nhận" (or a co-signer) on the left, the signature on the right; the block is kept on one page.</summary>
        private Table SignatureTable(OfficialDocumentContent content)
        {
            var left = (int)Math.Round(TextWidth * format.HeaderLeftColumnShare);
            var right = TextWidth - left;
            List<OpenXmlElement> leftCell;
            if (content.CoSignature is { } co)
            {
                leftCell = SignatureLines(co);
            }
            else
            {
                leftCell = [LeftLine("Nơi nhận:", _s.RecipientsHeading)];
                leftCell.AddRange(content.Recipients.Select(r => LeftLine($"- {r}", _s.Recipients)));
            }
            var table = LayoutTable([left, right], [[leftCell, SignatureLines(content.Signature)]]);
            table.GetFirstChild<TableRow>()!.InsertAt(new TableRowProperties(new CantSplit()), 0);
            // A little air between the last paragraph and the signature.
            _body.Append(Paragraph([], new ParagraphProperties { SpacingBetweenLines = Spacing(0, 6), KeepNext = new KeepNext() }));
            return table;
        }

        private List<OpenXmlElement> SignatureLines(SignatureBlock signature)
        {
            var lines = new List<OpenXmlElement>();
            if (signature.Authority is { } authority)
            {
                lines.Add(Centered(authority, _s.SignatureAuthority));
            }
            lines.Add(Centered(signature.Title, _s.SignatureAuthority));
            // The space where the signer signs (and where a visible digital signature is drawn).
            var points = format.SignatureSpaceMm * 72 / 25.4;
            lines.Add(Centered(signature.Name, _s.SignerName, before: points));
            return lines;
        }

        private void WriteAnnex(Annex annex)
        {
            var title = Centered(annex.Title, _s.DocumentType);
            title.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
            _body.Append(title);
            if (annex.Subtitle is { } subtitle)
            {
                _body.Append(Centered(subtitle, _s.Body with { Italic = true, Bold = false }));
            }
            _body.Append(Rule(TextWidth, Math.Min(LongestLine(annex.Title, _s.DocumentType), TextWidth) * format.SubjectRuleFraction.Value));
            _body.Append(Paragraph([], new ParagraphProperties { SpacingBetweenLines = Spacing(0, 6) }));
            _body.Append(RuledTable(annex.Table));
        }

        /// <summary>The QR code of the verification address, ~22 mm, with the address under it in small type.</summary>
        public void WriteQrCode(string url)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var png = new PngByteQRCode(data).GetGraphic(10);
            var image = main.AddImagePart(ImagePartType.Png);
            using (var source = new MemoryStream(png))
            {
                image.FeedData(source);
            }
            var size = (long)Math.Round(format.QrCodeMm * 36000);
            var picture = new Paragraph(new ParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = Spacing(12, 0) },
                new Run(InlineImage(main.GetIdOfPart(image), size, "Mã QR kiểm tra văn bản")));
            _body.Append(picture);
            _body.Append(LeftLine($"Kiểm tra văn bản: {url}", _s.Caption));
        }

        private Drawing InlineImage(string relationshipId, long size, string name)
        {
            var id = ++_drawingId;
            return new Drawing(new DW.Inline(
                new DW.Extent { Cx = size, Cy = size },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = id, Name = $"QR {id}", Description = name },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = $"qr{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = size, Cy = size }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
            });
        }

        /// <summary>A4 portrait, the margins, page numbers centred in the header from page 2 (the first page has an empty header).</summary>
        private SectionProperties SectionProperties()
        {
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = new Header(new Paragraph(
                new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
                new SimpleField(TextRun("2", _s.PageNumber)) { Instruction = " PAGE " }));
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header(new Paragraph());
            var header = Twips(10);
            return new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = (uint)Twips(format.Page.WidthMm), Height = (uint)Twips(format.Page.HeightMm), Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = Margin(format.MarginsMm.Top), Bottom = Margin(format.MarginsMm.Bottom),
                    Left = (uint)Margin(format.MarginsMm.Left), Right = (uint)Margin(format.MarginsMm.Right),
                    Header = (uint)header, Footer = (uint)header, Gutter = 0,
                },
                new TitlePage());
        }

        // ---- Building blocks ----

        private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

        /// <summary>The width in twips of the longest line of a text that may hold line breaks.</summary>
        private static double LongestLine(string text, TextStyle style) =>
            text.Split('\n').Max(line => TimesMetrics.WidthPt(line, style.Size.Value, style.Bold)) * 20;

        /// <summary>A short horizontal rule of <paramref name="length"/> twips, centred in <paramref name="available"/> twips: an empty paragraph with a bottom border between indents.</summary>
        private static Paragraph Rule(int available, double length)
        {
            var side = Math.Max(0, (int)Math.Round((available - length) / 2));
            return new Paragraph(new ParagraphProperties
            {
                ParagraphBorders = new ParagraphBorders { BottomBorder = new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" } },
                SpacingBetweenLines = new SpacingBetweenLines { Before = "30", After = "0", Line = "80", LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { Left = side.ToString(Inv), Right = side.ToString(Inv) },
                ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }),
            });
        }

        private static SpacingBetweenLines Spacing(double beforePt, double afterPt) =>
            new() { Before = ((int)Math.Round(beforePt * 20)).ToString(Inv), After = ((int)Math.Round(afterPt * 20)).ToString(Inv) };

        private static Paragraph Paragraph(IEnumerable<OpenXmlElement> runs, ParagraphProperties properties)
        {
            var paragraph = new Paragraph(properties);
            paragraph.Append(runs);
            return paragraph;
        }

        private static Paragraph Centered(string text, TextStyle style, double before = 0, double after = 0) =>
            Paragraph(Runs(text, style), new ParagraphProperties
            {
                KeepNext = new KeepNext(),
                SpacingBetweenLines = Spacing(before, after),
                Justification = new Justification { Val = JustificationValues.Center },
            });

        private static Paragraph LeftLine(string text, TextStyle style) =>
            Paragraph(Runs(text, style), new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Left } });

        /// <summary>A justified paragraph with the first-line indent and the spacing between paragraphs of the format.</summary>
        private Paragraph BodyParagraph(IEnumerable<OpenXmlElement> runs) =>
            Paragraph(runs, new ParagraphProperties
            {
                SpacingBetweenLines = Spacing(0, format.ParagraphSpacingPt.Value),
                Indentation = new Indentation { FirstLine = Twips(format.FirstLineIndentCm.Value * 10).ToString(Inv) },
                Justification = new Justification { Val = JustificationValues.Both },
            });

        /// <summary>Runs of a text whose "\n" are line breaks within the paragraph.</summary>
        private static IEnumerable<OpenXmlElement> Runs(string text, TextStyle style)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var run = TextRun(lines[i], style);
                if (i > 0)
                {
                    run.InsertAfter(new Break(), run.RunProperties);
                }
                yield return run;
            }
        }

        private static Run TextRun(string text, TextStyle style)
        {
            var properties = new RunProperties
            {
                Bold = style.Bold ? new Bold() : null,
                BoldComplexScript = style.Bold ? new BoldComplexScript() : null,
                Italic = style.Italic ? new Italic() : null,
                ItalicComplexScript = style.Italic ? new ItalicComplexScript() : null,
                FontSize = new FontSize { Val = HalfPoints(style.Size.Value) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(style.Size.Value) },
            };
            return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        /// <summary>A borderless table of fixed columns whose cells hold the given paragraphs; no cell padding, so text starts at the margin.</summary>
        private static Table LayoutTable(int[] widths, IReadOnlyList<IReadOnlyList<IReadOnlyList<OpenXmlElement>>> rows)
        {
            var table = new Table(new TableProperties
            {
                TableWidth = new TableWidth { Width = widths.Sum().ToString(Inv), Type = TableWidthUnitValues.Dxa },
                TableIndentation = new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }),
            }, Grid(widths));
            foreach (var row in rows)
            {
                var tableRow = new TableRow();
                for (var i = 0; i < widths.Length; i++)
                {
                    var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(Inv), Type = TableWidthUnitValues.Dxa }));
                    cell.Append(row[i].Select(e => e.CloneNode(true)));
                    tableRow.Append(cell);
                }
                table.Append(tableRow);
            }
            return table;
        }

        private static TableGrid Grid(IEnumerable<int> widths) => new(widths.Select(w => new GridColumn { Width = w.ToString(Inv) }));

        /// <summary>A table with single rules, its header row repeated on every page.</summary>
        private Table RuledTable(DocumentTable source)
        {
            var total = source.Columns.Sum(c => c.Share);
            var widths = source.Columns.Select(c => (int)Math.Round(TextWidth * c.Share / total)).ToArray();
            widths[^1] = TextWidth - widths[..^1].Sum();
            static T Line<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
            var table = new Table(new TableProperties
            {
                TableWidth = new TableWidth { Width = TextWidth.ToString(Inv), Type = TableWidthUnitValues.Dxa },
                TableIndentation = new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                TableBorders = new TableBorders
                {
                    TopBorder = Line<TopBorder>(), LeftBorder = Line<LeftBorder>(),
                    BottomBorder = Line<BottomBorder>(), RightBorder = Line<RightBorder>(),
                    InsideHorizontalBorder = Line<InsideHorizontalBorder>(),
                    InsideVerticalBorder = Line<InsideVerticalBorder>(),
                },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa }),
            }, Grid(widths));
            var header = new TableRow(new TableRowProperties(new TableHeader()));
            for (var i = 0; i < widths.Length; i++)
            {
                header.Append(Cell(widths[i], source.Columns[i].Header, _s.Table with { Bold = true }, CellAlign.Center));
            }
            table.Append(header);
            foreach (var row in source.Rows)
            {
                var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
                if (row.Group)
                {
                    var cell = Cell(TextWidth, row.Cells[0], _s.Table with { Bold = true }, CellAlign.Left);
                    cell.TableCellProperties!.GridSpan = new GridSpan { Val = widths.Length };
                    tableRow.Append(cell);
                }
                else
                {
                    for (var i = 0; i < widths.Length; i++)
                    {
                        tableRow.Append(Cell(widths[i], i < row.Cells.Count ? row.Cells[i] : "", _s.Table with { Bold = row.Bold }, source.Columns[i].Align));
                    }
                }
                table.Append(tableRow);
            }
            return table;
        }

        private static TableCell Cell(int width, string text, TextStyle style, CellAlign align) =>
            new(new TableCellProperties(new TableCellWidth { Width = width.ToString(Inv), Type = TableWidthUnitValues.Dxa }),
                Paragraph(Runs(text, style), new ParagraphProperties
                {
                    Justification = new Justification
                    {
                        Val = align switch { CellAlign.Center => JustificationValues.Center, CellAlign.Right => JustificationValues.Right, _ => JustificationValues.Left },
                    },
                }));
    }
}
