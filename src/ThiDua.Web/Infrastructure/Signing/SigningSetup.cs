using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace ThiDua.Web.Infrastructure.Signing;

public static class SigningSetup
{
    /// <summary>
    /// Registers <see cref="IDocumentSigner"/> and <see cref="ISignatureVerifier"/> (singletons) and the <c>Signing</c>
    /// settings, validated at start. The key itself is opened on first use (the Development certificate is made then).
    /// </summary>
    public static IServiceCollection AddDocumentSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>();
        services.AddSingleton<IDocumentSigner>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var kind = options.EffectiveKind(environment);
            var logger = provider.GetRequiredService<ILogger<DocumentSigner>>();
            if (kind == SigningKind.Development && environment.IsProduction())
            {
                logger.LogWarning("Signing__Kind = Development in Production: documents are signed with a self-signed test certificate");
            }
            var key = SigningKey.Open(options, kind, environment.ContentRootPath);
            return new DocumentSigner(key, provider.GetRequiredService<TimeProvider>(), logger);
        });
        services.AddSingleton<ISignatureVerifier>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
            var logger = provider.GetRequiredService<ILogger<SignatureVerifier>>();
            var anchors = new X509Certificate2Collection();
            foreach (var path in options.TrustedCertificatePaths)
            {
                anchors.AddRange(CertificateFiles.Load(path));
            }
            // The signer is opened only when a signature needs judging, and a token that cannot be reached leaves
            // verification working: such a signature is then trusted only through the configured anchors.
            var own = new Lazy<X509Certificate2?>(() =>
            {
                try
                {
                    return provider.GetRequiredService<IDocumentSigner>().Certificate;
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    logger.LogWarning(error, "The signing certificate could not be read; signatures are trusted only through Signing:TrustedCertificatePaths");
                    return null;
                }
            });
            return new SignatureVerifier(own, anchors, provider.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
