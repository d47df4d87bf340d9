using System.Security.Cryptography;
using ThiDua.Data.Documents;
using ThiDua.Web.Infrastructure.Signing;

namespace ThiDua.Web.Features.Documents;

/// <summary>A document as the API shows it: what it is, its state, its versions and where anyone can check it.</summary>
public sealed record DocumentDto(Guid Id, OfficialDocumentKind Kind, string Title, string? Number, DateOnly Date, string Format, OfficialDocumentState State,
    string? Sha256, bool Signed, DateTime? SignedAt, string SignerName, string SignerTitle, string? Error, int Version,
    IReadOnlyList<DocumentVersionDto> Versions, string? VerificationUrl, string Download)
{
    public static DocumentDto From(OfficialDocument d, string verificationUrl) => new(d.Id, d.Kind, d.Title, d.Number, d.Date,
        d.IsPdf ? "pdf" : "docx", d.State, d.Sha256, d.Signed, d.SignedAt, d.SignerName, d.SignerTitle, d.Error, d.Version,
        d.Versions.OrderBy(v => v.Number).Select(v => new DocumentVersionDto(v.Number, v.Sha256, v.CreatedAt, v.CreatedBy)).ToList(),
        DocumentService.IsPublic(d) ? verificationUrl : null, $"/api/v1/documents/{d.Id}");
}

public sealed record DocumentVersionDto(int Number, string Sha256, DateTime CreatedAt, string? CreatedBy);

/// <summary>Who signs when a draft is issued (both optional: the draft's own signer otherwise).</summary>
public sealed record IssueRequest(string? SignerName = null, string? SignerTitle = null);

/// <summary>
/// The answer of a verification (API.md: valid, signer, signedAt, sha256), with the certificate, whether bytes were
/// added after signing, whether the signer is this system's key, and the issued document the file is, when it is one.
/// </summary>
public sealed record VerificationDto(bool Valid, bool Signed, string? Signer, DateTimeOffset? SignedAt, string Sha256,
    SignerCertificate? Certificate, bool ChangedAfterSigning, bool Trusted, string Message, IssuedDocumentDto? Document)
{
    public static VerificationDto From(SignatureCheck? check, byte[] bytes, OfficialDocument? document, string? verificationUrl)
    {
        var issued = document is null ? null : new IssuedDocumentDto(document.Id, document.Kind, document.Title, document.Number, document.Date,
            document.SignerName, document.SignerTitle, document.Sha256, verificationUrl);
        if (check is null)
        {
            // A Word file carries no signature: only its hash can be compared with the one recorded.
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return new(false, false, null, null, sha, null, false, false, "Bản Word không mang chữ ký số; chỉ bản PDF đã ban hành được ký.", issued);
        }
        // A file signed by our key but different from the issued one is not that document.
        var matches = document is null || string.Equals(document.Sha256, check.Sha256, StringComparison.OrdinalIgnoreCase);
        var message = matches ? check.Message : "Tệp khác với bản đã ban hành được lưu trong hệ thống.";
        return new(check.Valid && matches, check.Signed, check.Signer, check.SignedAt, check.Sha256, check.Certificate, check.ChangedAfterSigning,
            check.Trusted, message, issued);
    }
}

public sealed record IssuedDocumentDto(Guid Id, OfficialDocumentKind Kind, string Title, string? Number, DateOnly Date, string SignerName, string SignerTitle,
    string? Sha256, string? VerificationUrl);
