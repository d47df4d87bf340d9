using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// Checks PDF signatures from the bytes alone, the way any PDF reader does: the /ByteRange must cover the whole file but
/// the /Contents hex string, the CMS message digest must be the SHA-256 of those ranges, and the CMS signature must
/// verify with the embedded certificate. Bytes after the signed ranges are an incremental update made after signing.
/// </summary>
internal sealed partial class SignatureVerifier(Lazy<X509Certificate2?> ownCertificate, X509Certificate2Collection anchors, TimeProvider clock) : ISignatureVerifier
{
    public SignatureCheck VerifyPdf(byte[] pdf)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        try
        {
            return CheckPdf(pdf, sha256);
        }
        catch (Exception error) when (error is CryptographicException or FormatException or ArgumentException or AsnContentException or OverflowException or InvalidOperationException)
        {
            return NotValid(sha256, "Chữ ký số không hợp lệ: không đọc được dữ liệu chữ ký trong tệp.", signed: true);
        }
    }

    public SignatureCheck VerifyDetached(byte[] content, byte[] signature)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        SignedCms cms;
        try
        {
            cms = Decode(signature);
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException or ArgumentException)
        {
            return NotValid(sha256, "Tệp chữ ký (.p7s) không đọc được: không phải chữ ký CMS.", signed: false);
        }
        try
        {
            return Judge(cms, content, sha256, pdfTime: null, changedAfterSigning: false);
        }
        catch (Exception error) when (error is CryptographicException or AsnContentException or ArgumentException or InvalidOperationException)
        {
            return NotValid(sha256, "Chữ ký số không hợp lệ: không đọc được dữ liệu chữ ký.", signed: true);
        }
    }

    private SignatureCheck CheckPdf(byte[] pdf, string sha256)
    {
        // Latin-1 maps every byte to one char, so string offsets are file offsets.
        var text = Encoding.Latin1.GetString(pdf);
        if (!text.AsSpan(0, Math.Min(text.Length, 1024)).Contains("%PDF-", StringComparison.Ordinal))
        {
            return NotValid(sha256, "Tệp không phải PDF nên không có chữ ký số để kiểm tra.", signed: false);
        }
        var ranges = ByteRange().Matches(text);
        if (ranges.Count == 0)
        {
            return NotValid(sha256, "Tệp PDF không có chữ ký số.", signed: false);
        }
        // Several signatures: the last one covers the most, and is the one reported.
        var last = ranges[^1];
        var (start1, length1, start2, length2) = (Long(last, 1), Long(last, 2), Long(last, 3), Long(last, 4));
        if (start1 != 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > pdf.Length
            || !IsContentsHole(text, (int)length1, (int)start2))
        {
            return NotValid(sha256, "Chữ ký số không hợp lệ: vùng dữ liệu được ký (/ByteRange) không bao trọn tệp trừ phần chữ ký.", signed: true);
        }
        var cms = Decode(Convert.FromHexString(text[((int)length1 + 1)..((int)start2 - 1)]));
        var signed = new byte[length1 + length2];
        Array.Copy(pdf, 0, signed, 0, length1);
        Array.Copy(pdf, start2, signed, length1, length2);
        var changedAfterSigning = start2 + length2 < pdf.Length;
        return Judge(cms, signed, sha256, SigningTimeOf(text, last.Index), changedAfterSigning);
    }

    private SignatureCheck Judge(SignedCms cms, byte[] signedBytes, string sha256, DateTimeOffset? pdfTime, bool changedAfterSigning)
    {
        var signerInfo = cms.SignerInfos[0];
        var certificate = signerInfo.Certificate;
        var signer = certificate?.GetNameInfo(X509NameType.SimpleName, false);
        var signedAt = pdfTime ?? SigningTimeAttribute(signerInfo);
        var details = certificate is null ? null : new SignerCertificate(
            certificate.Subject, certificate.Issuer, certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero), new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256)));
        SignatureCheck Answer(bool valid, bool trusted, string message) =>
            new(valid, true, signer, signedAt, sha256, details, changedAfterSigning, trusted, message);

        if (certificate is null)
        {
            return Answer(false, false, "Chữ ký số không hợp lệ: chữ ký không kèm chứng thư của người ký.");
        }
        var digest = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>().SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9MessageDigest>().FirstOrDefault()?.MessageDigest;
        var algorithm = signerInfo.DigestAlgorithm.Value switch
        {
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (digest is null || algorithm is null)
        {
            return Answer(false, false, "Chữ ký số không hợp lệ: chữ ký thiếu mã băm SHA-2 của nội dung.");
        }
        var trusted = IsTrusted(certificate, cms.Certificates, signedAt);
        if (!CryptographicOperations.FixedTimeEquals(digest, HashOf(signedBytes, algorithm.Value)))
        {
            return Answer(false, trusted, "Chữ ký số không hợp lệ: nội dung đã bị thay đổi sau khi ký.");
        }
        try
        {
            var withContent = new SignedCms(new ContentInfo(signedBytes), detached: true);
            withContent.Decode(cms.Encode());
            withContent.SignerInfos[0].CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Answer(false, trusted, "Chữ ký số không hợp lệ: chữ ký không khớp với chứng thư của người ký.");
        }
        if (changedAfterSigning)
        {
            return Answer(false, trusted, $"Tệp đã bị sửa đổi sau khi ký: phần được {signer} ký còn nguyên, nhưng có nội dung thêm vào sau chữ ký nên tệp không còn là bản đã ký.");
        }
        return Answer(true, trusted, trusted
            ? $"Chữ ký số hợp lệ: tệp còn nguyên như khi {signer} ký."
            : $"Chữ ký số hợp lệ về kỹ thuật (tệp còn nguyên như khi ký), nhưng chứng thư của {signer} không thuộc hệ thống này hay tổ chức cấp chứng thư được tin cậy.");
    }

    private bool IsTrusted(X509Certificate2 certificate, X509Certificate2Collection embedded, DateTimeOffset? signedAt)
    {
        if (ownCertificate.Value is { } own && own.RawData.AsSpan().SequenceEqual(certificate.RawData))
        {
            return true;
        }
        if (anchors.Count == 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = (signedAt ?? clock.GetUtcNow()).UtcDateTime;
        return chain.Build(certificate);
    }

    private static byte[] HashOf(byte[] bytes, HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }

    /// <summary>The /Contents string is padded with zeros after the DER; only the DER value itself is decoded.</summary>
    private static SignedCms Decode(byte[] bytes)
    {
        AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var consumed);
        var cms = new SignedCms();
        cms.Decode(bytes.AsSpan(0, consumed));
        if (cms.SignerInfos.Count == 0)
        {
            throw new CryptographicException("No signer.");
        }
        return cms;
    }

    /// <summary>The hole between the two ranges must be exactly the /Contents hex string, nothing else left unsigned.</summary>
    private static bool IsContentsHole(string text, int start, int end)
    {
        if (text[start] != '<' || text[end - 1] != '>')
        {
            return false;
        }
        for (var i = start + 1; i < end - 1; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }
        return text.AsSpan(0, start).TrimEnd().EndsWith("/Contents", StringComparison.Ordinal);
    }

    /// <summary>/M of the signature dictionary holding this /ByteRange (same object).</summary>
    private static DateTimeOffset? SigningTimeOf(string text, int byteRangeAt)
    {
        var objectStart = text.LastIndexOf(" obj", byteRangeAt, StringComparison.Ordinal);
        var objectEnd = text.IndexOf("endobj", byteRangeAt, StringComparison.Ordinal);
        if (objectStart < 0 || objectEnd < 0)
        {
            return null;
        }
        var match = PdfDate().Match(text, objectStart, objectEnd - objectStart);
        if (!match.Success)
        {
            return null;
        }
        var local = DateTime.ParseExact(match.Groups["t"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var offset = match.Groups["z"].Value switch
        {
            "" or "Z" => TimeSpan.Zero,
            var zone => (zone[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["m"].Value is { Length: > 0 } m ? m : "0", CultureInfo.InvariantCulture), 0),
        };
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset? SigningTimeAttribute(SignerInfo signerInfo) =>
        signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>().SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>().Select(t => (DateTimeOffset?)new DateTimeOffset(t.SigningTime.ToUniversalTime(), TimeSpan.Zero)).FirstOrDefault();

    private static SignatureCheck NotValid(string sha256, string message, bool signed) =>
        new(false, signed, null, null, sha256, null, false, false, message);

    private static long Long(Match match, int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/M\s*\(D:(?<t>\d{14})(?<z>(Z|[+-](?<h>\d{2})'?(?<m>\d{2})?'?)?)")]
    private static partial Regex PdfDate();
}
