using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Web.Infrastructure.Signing;
using Xunit.Abstractions;
using static ThiDua.IntegrationTests.Infrastructure.ExternalTools;
using static ThiDua.IntegrationTests.Signing.SigningFixtures;

namespace ThiDua.IntegrationTests.Signing;

/// <summary>One LibreOffice PDF signed with a PFX key (a CA-issued signer, the CA configured as a trust anchor), shared by the tests.</summary>
public sealed class SignedPdfFixture : IDisposable
{
    public string Folder { get; } = TempFolder();

    public ServiceProvider Services { get; }

    public byte[] Original { get; }

    public byte[] Signed { get; }

    public SignedPdfFixture()
    {
        var (pfx, caPem, _) = PfxWithChain(Folder, "mật-khẩu");
        Services = SigningFixtures.Services(new Dictionary<string, string?>
        {
            ["Signing:Kind"] = "Pfx",
            ["Signing:PfxPath"] = pfx,
            ["Signing:PfxPassword"] = "mật-khẩu",
            ["Signing:TrustedCertificatePaths:0"] = caPem,
        }, Folder);
        Original = LibreOfficePdf(Folder);
        Signed = Services.GetRequiredService<IDocumentSigner>().SignPdfAsync(Original, Request).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Services.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A LibreOffice PDF signed with a PFX key, checked by poppler's pdfsig and by our verifier, then tampered with.</summary>
public sealed class PdfSignatureTests(SignedPdfFixture fixture, ITestOutputHelper output) : IClassFixture<SignedPdfFixture>
{
    private readonly string folder = fixture.Folder;
    private readonly byte[] original = fixture.Original;
    private readonly byte[] signedPdf = fixture.Signed;

    private ISignatureVerifier Verifier => fixture.Services.GetRequiredService<ISignatureVerifier>();

    [Fact]
    public void SignedLibreOfficePdfIsValidForPdfsigAndForUs()
    {
        var report = PdfSig(folder, signedPdf, "signed.pdf");
        output.WriteLine(report);
        Assert.Contains("Signature #1:", report);
        Assert.Contains($"- Signer Certificate Common Name: {SignerName}", report);
        Assert.Contains("- Signing Hash Algorithm: SHA-256", report);
        Assert.Contains("- Signature Type: ETSI.CAdES.detached", report);
        Assert.Contains("- Total document signed", report);
        Assert.Contains("- Signature Validation: Signature is Valid.", report);

        var check = Verifier.VerifyPdf(signedPdf);
        Assert.True(check.Valid, check.Message);
        Assert.True(check.Signed);
        Assert.True(check.Trusted, "the signer chains to Signing:TrustedCertificatePaths");
        Assert.False(check.ChangedAfterSigning);
        Assert.Equal(SignerName, check.Signer);
        Assert.Equal(Request.SigningTime, check.SignedAt);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signedPdf)), check.Sha256);
        Assert.Equal("Chữ ký số hợp lệ: tệp còn nguyên như khi Nguyễn Văn Thắng ký.", check.Message);
        Assert.NotNull(check.Certificate);
        Assert.Contains("ThiDua Test CA", check.Certificate.Issuer);
    }

    [Fact]
    public void SignatureDictionaryIsPadesWithTheChainEmbedded()
    {
        var text = Encoding.Latin1.GetString(signedPdf);
        Assert.Contains("/SubFilter/ETSI.CAdES.detached", text);
        Assert.Contains("/M(D:20260105093015+07'00')", text);
        var contents = Regex.Match(text, @"/Contents\s*<([0-9A-Fa-f]+)>").Groups[1].Value;
        var cms = new System.Security.Cryptography.Pkcs.SignedCms();
        var der = Convert.FromHexString(contents);
        System.Formats.Asn1.AsnDecoder.ReadEncodedValue(der, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var length);
        cms.Decode(der.AsSpan(0, length));
        Assert.Equal(2, cms.Certificates.Count);
        var attributes = cms.SignerInfos[0].SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.Contains("1.2.840.113549.1.9.3", attributes);        // content-type
        Assert.Contains("1.2.840.113549.1.9.4", attributes);        // message-digest
        Assert.Contains("1.2.840.113549.1.9.16.2.47", attributes);  // ESS signing-certificate-v2
        Assert.DoesNotContain("1.2.840.113549.1.9.5", attributes);  // no signing-time in PAdES: /M carries it
        // Reserved room is the measured CMS plus a small margin, not a guess of kilobytes.
        Assert.InRange(contents.Length / 2 - length, 0, 64);
    }

    [Fact]
    public void FontsStayEmbeddedAndTheVisibleBlockSitsAboveTheSignersName()
    {
        var path = Path.Combine(folder, "fonts.pdf");
        File.WriteAllBytes(path, signedPdf);
        output.WriteLine(Run("pdffonts", [path]).Output);
        var fonts = Run("pdffonts", [path]).Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Equal("yes", Regex.Split(line.Trim(), @"\s+")[^5]));

        // The stamp is an annotation appearance: pdftotext does not print it, so the widget's /Rect is checked against the name.
        var pages = Run("pdftotext", ["-bbox", path, "-"]).Output;
        var lastPage = pages[pages.LastIndexOf("<page", StringComparison.Ordinal)..];
        var pageHeight = double.Parse(Regex.Match(lastPage, "height=\"([0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var surname = Regex.Matches(lastPage, "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">Nguyễn</word>")[^1];
        var nameTop = pageHeight - double.Parse(surname.Groups[2].Value, CultureInfo.InvariantCulture);
        var nameLeft = double.Parse(surname.Groups[1].Value, CultureInfo.InvariantCulture);
        var rect = Regex.Match(Encoding.Latin1.GetString(signedPdf), @"/FT\s*/Sig[^\n]*?/Rect\s*\[\s*([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s*\]");
        Assert.True(rect.Success, "the signature widget has a /Rect");
        double[] box = [.. Enumerable.Range(1, 4).Select(i => double.Parse(rect.Groups[i].Value, CultureInfo.InvariantCulture))];
        Assert.InRange(box[1], nameTop, nameTop + 20);           // its bottom just above the name
        Assert.InRange(nameLeft, box[0] - 40, box[2]);           // over the name, in the right column
        Assert.True(box[0] > 250, "the block is in the right-hand signature column");
    }

    [Fact]
    public void OneChangedByteIsInvalidForPdfsigAndForUs()
    {
        var tampered = (byte[])signedPdf.Clone();
        // The header's version digit: inside the first signed range, and the file still parses for any reader.
        var at = Encoding.Latin1.GetString(tampered).IndexOf("%PDF-1.", StringComparison.Ordinal) + 7;
        tampered[at] = (byte)(tampered[at] == (byte)'6' ? '7' : '6');

        var report = PdfSig(folder, tampered, "tampered.pdf");
        output.WriteLine(report);
        Assert.DoesNotContain("Signature is Valid.", report);
        Assert.Contains("- Signature Validation: Digest Mismatch.", report);

        var check = Verifier.VerifyPdf(tampered);
        Assert.False(check.Valid);
        Assert.True(check.Signed);
        Assert.Equal("Chữ ký số không hợp lệ: nội dung đã bị thay đổi sau khi ký.", check.Message);
    }

    [Fact]
    public void AnIncrementalUpdateAfterSigningIsReportedAsChangedAfterSigning()
    {
        var updated = AppendInfoUpdate(signedPdf, "Đã sửa sau khi ký");
        var check = Verifier.VerifyPdf(updated);
        Assert.True(check.Signed);
        Assert.True(check.ChangedAfterSigning);
        Assert.False(check.Valid);
        Assert.StartsWith("Tệp đã bị sửa đổi sau khi ký", check.Message);

        var report = PdfSig(folder, updated, "updated.pdf");
        output.WriteLine(report);
        Assert.Contains("Signature is Valid.", report);   // the signed part is intact…
        Assert.Contains("- Not total document signed", report);   // …but it no longer covers the file
    }

    [Fact]
    public void UnsignedOrGarbageFilesAreNotValidAndDoNotThrow()
    {
        var unsigned = Verifier.VerifyPdf(original);
        Assert.False(unsigned.Valid);
        Assert.False(unsigned.Signed);
        Assert.Equal("Tệp PDF không có chữ ký số.", unsigned.Message);

        foreach (var garbage in new[] { Array.Empty<byte>(), "hello"u8.ToArray(), Encoding.Latin1.GetBytes("%PDF-1.7\n/ByteRange [0 10 20 5] /Contents <zz>"), signedPdf[..(signedPdf.Length / 2)] })
        {
            var check = Verifier.VerifyPdf(garbage);
            Assert.False(check.Valid);
            Assert.False(string.IsNullOrWhiteSpace(check.Message));
        }

        // Any one byte changed anywhere, or the file cut anywhere: an answer, never an exception, and never "valid".
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var mutated = signedPdf[..random.Next(1, signedPdf.Length + 1)];
            var at = random.Next(mutated.Length);
            mutated[at] = (byte)(mutated[at] ^ (1 + random.Next(255)));
            var check = Verifier.VerifyPdf(mutated);
            Assert.False(check.Valid, $"byte {at} changed, {mutated.Length} bytes kept");
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(mutated)), check.Sha256);
        }
    }

    /// <remarks>
    /// PDFsharp 6.2 saves a whole new file, not an incremental update, so signing a signed PDF again breaks the earlier
    /// signature (pdfsig: "Digest Mismatch" for #1): a document is to be signed once. The verifier reports the last one.
    /// </remarks>
    [Fact]
    public async Task OfSeveralSignaturesTheLastIsReported()
    {
        var again = await fixture.Services.GetRequiredService<IDocumentSigner>().SignPdfAsync(signedPdf, Request with
        {
            SignerName = "Lê Thị Mai", SigningTime = Request.SigningTime.AddDays(1),
        });
        Assert.Equal(2, Regex.Count(Encoding.Latin1.GetString(again), @"/ByteRange\s*\["));

        var check = Verifier.VerifyPdf(again);
        Assert.True(check.Valid, check.Message);
        Assert.Equal(Request.SigningTime.AddDays(1), check.SignedAt);

        var report = PdfSig(folder, again, "twice.pdf");
        output.WriteLine(report);
        var first = report[..report.IndexOf("Signature #2:", StringComparison.Ordinal)];
        Assert.Contains("- Signature Validation: Digest Mismatch.", first);
        var second = report[report.IndexOf("Signature #2:", StringComparison.Ordinal)..];
        Assert.Contains("- Signature Type: ETSI.CAdES.detached", second);
        Assert.Contains("- Total document signed", second);
        Assert.Contains("- Signature Validation: Signature is Valid.", second);
    }

    [Fact]
    public void AnotherSystemsVerifierFindsTheSignatureValidButNotTrusted()
    {
        using var other = Services(new Dictionary<string, string?>(), TempFolder());
        var check = other.GetRequiredService<ISignatureVerifier>().VerifyPdf(signedPdf);
        Assert.True(check.Valid, check.Message);
        Assert.False(check.Trusted);
    }

    /// <summary>A minimal, correct incremental update (PDF 32000 §7.5.6): a new /Info object, an xref section and a trailer with /Prev.</summary>
    internal static byte[] AppendInfoUpdate(byte[] pdf, string title)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var size = int.Parse(Regex.Matches(text, @"/Size\s+(\d+)")[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var root = Regex.Matches(text, @"/Root\s+(\d+\s+\d+\s+R)")[^1].Groups[1].Value;
        var previous = Regex.Matches(text, @"startxref\s+(\d+)")[^1].Groups[1].Value;
        var update = new StringBuilder("\n");
        var objectAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<< /Title <FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(title))}> >>\nendobj\n");
        var xrefAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{size} 1\n{objectAt:D10} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} /Info {size} 0 R /Prev {previous} >>\nstartxref\n{xrefAt}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

}
