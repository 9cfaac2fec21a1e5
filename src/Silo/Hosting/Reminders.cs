namespace CollectifLive.Silo.Hosting;

public static class Reminders
{
    /// <summary>Unregisters the grain's reminder of that name, if it has one (its storage row goes with it).</summary>
    public static async Task ForgetReminder(this Grain grain, string reminderName)
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
