namespace CollectifLive.JoinCodes;

/// <summary>One join code: which workshop it opens. Codes are never given to a second workshop.</summary>
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
}
