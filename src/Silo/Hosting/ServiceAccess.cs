using System.Security.Cryptography;
using CollectifLive.Domain;
using CollectifLive.Workshops;

namespace CollectifLive.Silo.Hosting;

/// <summary>Checks the web servers' <see cref="ServiceKey"/> in constant time; the silo keeps only its hash.</summary>
public sealed class ServiceAccess(string secret)
{
    private readonly string _hash = WorkshopAccess.Hash(secret);

    /// <summary>A key for one process, when no cluster shares one (a co-hosted silo and its web server).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key kept in <paramref name="path"/>, made and written there (readable by this user only) the first time.</summary>
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 22 } kept)
        {
            return kept;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = NewSecret();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(secret);
        }

        return secret;
    }

    public bool Allows(ServiceKey? key) => AllowsSecret(key?.Secret);

    public bool AllowsSecret(string? presented) => presented is not null && WorkshopAccess.Matches(_hash, presented);
}
