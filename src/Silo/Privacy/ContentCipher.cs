using System.Security.Cryptography;
using System.Text;

namespace CollectifLive.Silo.Privacy;

/// <summary>Content as storage holds it: AES-256-GCM under its owner's key, bound to the owner's id.</summary>
public sealed record SealedContent(byte[] Nonce, byte[] Data);

/// <summary>
/// Seals what a workshop or an event stores with a key of its own (<see cref="ContentKeys"/>), so that destroying the
/// key makes every copy storage may keep (deleted blob extents, soft-deleted blobs, backups) unreadable.
/// </summary>
public static class ContentCipher
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public static SealedContent Seal(byte[] key, string ownerId, ReadOnlySpan<byte> plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var data = new byte[plaintext.Length + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, data.AsSpan(0, plaintext.Length), data.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(ownerId));
        return new SealedContent(nonce, data);
    }

    /// <summary>The plaintext; throws <see cref="AuthenticationTagMismatchException"/> for another key, owner or altered bytes.</summary>
    public static byte[] Open(byte[] key, string ownerId, SealedContent content)
    {
        if (content.Data.Length < TagBytes)
        {
            throw new AuthenticationTagMismatchException();
        }

        var length = content.Data.Length - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(content.Nonce, content.Data.AsSpan(0, length), content.Data.AsSpan(length), plaintext, Encoding.UTF8.GetBytes(ownerId));
        return plaintext;
    }
}
