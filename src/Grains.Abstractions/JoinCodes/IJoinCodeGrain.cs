namespace CollectifLive.JoinCodes;

/// <summary>
/// One join code: which workshop it opens. Codes are never given to a second workshop while the first exists; the
/// code of a deleted workshop is forgotten, and may (one chance in 2^30 per new code) be drawn again.
/// </summary>
[Alias("cl.IJoinCodeGrain")]
public interface IJoinCodeGrain : IGrainWithStringKey
{
    /// <summary>Gives this code to a workshop; false when another workshop has (or had) it.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string workshopId);

    /// <summary>The workshop this code opens now, or null.</summary>
    [Alias("Resolve")]
    Task<string?> Resolve();

    /// <summary>Stops the code from opening the workshop (after a rotation); it is never reissued.</summary>
    [Alias("Retire")]
    Task Retire(string workshopId);

    /// <summary>Forgets the code of a deleted workshop: nothing of the workshop is left in storage, not even its id.</summary>
    [Alias("Release")]
    Task Release(string workshopId);
}
