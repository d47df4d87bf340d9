using System.Security.Cryptography.X509Certificates;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// Signs what ThiDua issues (R18): PDFs with a standard PAdES baseline B-B signature and a visible block where the signer
/// signs, and any other download with a detached CMS signature (.p7s). The key is a PFX file or a PKCS#11 token
/// (<c>Signing</c> settings); in Development a self-signed certificate is made on first start.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>The signing certificate (no private key material is exposed).</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>The PDF signed: the visible block is placed above the signer's name on the last page when it is found there.</summary>
    Task<byte[]> SignPdfAsync(byte[] pdf, PdfSignatureRequest request, CancellationToken cancellationToken = default);

    /// <summary>A detached CMS signature (DER, the content of a <c>.p7s</c> file) over <paramref name="content"/>.</summary>
    Task<byte[]> SignDetachedAsync(byte[] content, CancellationToken cancellationToken = default);
}

/// <summary>Who signs and why, as the visible block and the signature dictionary show it.</summary>
public sealed record PdfSignatureRequest(string SignerName, string SignerTitle, string Reason, string Location, DateTimeOffset SigningTime);

/// <summary>Checks a signed PDF or a detached signature; never throws on bad input (an unreadable file is simply not valid).</summary>
public interface ISignatureVerifier
{
    SignatureCheck VerifyPdf(byte[] pdf);

    SignatureCheck VerifyDetached(byte[] content, byte[] signature);
}

/// <summary>
/// The answer of a verification. <see cref="Valid"/>: signed, the signature matches every byte of the file and nothing was
/// appended after signing. <see cref="Trusted"/>: the signer's certificate is this system's (or chains to a configured anchor).
/// <see cref="Message"/> says the outcome in one Vietnamese sentence.
/// </summary>
public sealed record SignatureCheck(
    bool Valid,
    bool Signed,
    string? Signer,
    DateTimeOffset? SignedAt,
    string Sha256,
    SignerCertificate? Certificate,
    bool ChangedAfterSigning,
    bool Trusted,
    string Message);

public sealed record SignerCertificate(string Subject, string Issuer, string SerialNumber, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Sha256Thumbprint);
