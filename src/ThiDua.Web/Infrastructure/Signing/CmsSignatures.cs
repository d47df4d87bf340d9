using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// CMS SignedData as PAdES baseline B-B and CAdES-BES expect: SHA-256, the signed attributes content-type and
/// message-digest (added by <see cref="CmsSigner"/>) and ESS signing-certificate-v2 (added here, binding the signature to
/// the certificate), the certificate and its chain embedded. The content itself is never embedded (detached).
/// </summary>
internal static class CmsSignatures
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    /// <param name="signingTime">
    /// A signing-time attribute, for a detached .p7s. Null for PAdES, which forbids it: a PDF's signing time is its
    /// signature dictionary's /M.
    /// </param>
    public static byte[] Sign(SigningKey key, byte[] content, DateTimeOffset? signingTime) => key.WithKey(privateKey =>
    {
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate, privateKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            // The chain is added by hand: building it with X509Chain would need it trusted on this machine.
            IncludeOption = X509IncludeOption.None,
        };
        signer.Certificates.Add(key.Certificate);
        signer.Certificates.AddRange(key.Chain);
        signer.SignedAttributes.Add(SigningCertificateV2(key.Certificate));
        if (signingTime is { } time)
        {
            signer.SignedAttributes.Add(new Pkcs9SigningTime(time.UtcDateTime));
        }
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    });

    /// <summary>RFC 5035 SigningCertificateV2 with one ESSCertIDv2 (hash algorithm SHA-256, the DEFAULT, so omitted) and IssuerSerial.</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4]: Name is a CHOICE, so the tag is explicit.
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }
                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }
        return new AsnEncodedData(SigningCertificateV2Oid, writer.Encode());
    }
}
