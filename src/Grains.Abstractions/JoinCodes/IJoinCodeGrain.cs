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

    /// <summary>Gives this code to an event (one code for the whole day); false when it is (or was) taken.</summary>
    [Alias("ClaimForEvent")]
    Task<bool> ClaimForEvent(string eventId);

    /// <summary>The event this code is the day's code of, or null.</summary>
    [Alias("ResolveEvent")]
    Task<string?> ResolveEvent();

    /// <summary>The workshop this code opens now, or null (also for an event's code).</summary>
    [Alias("Resolve")]
    Task<string?> Resolve();

    /// <summary>Stops the code from opening the workshop (after a rotation); it is never reissued.</summary>
    [Alias("Retire")]
    Task Retire(string workshopId);

    /// <summary>Forgets the code of a deleted workshop or event: nothing of it is left in storage, not even its id.</summary>
    [Alias("Release")]
    Task Release(string workshopId);
}
