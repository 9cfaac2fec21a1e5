namespace CollectifLive.Web.Components.Shared;

/// <summary>
/// The title (a key of Strings.resx) a live page's first HTML carries, before its circuit starts and its
/// <see cref="DocumentTitle"/> names the workshop or the day: a tab, a bookmark or a screen reader never meets an empty title.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FirstTitleAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
