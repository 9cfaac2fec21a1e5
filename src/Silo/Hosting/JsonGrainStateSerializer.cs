using System.Text.Json;
using Orleans.Storage;

namespace CollectifLive.Silo.Hosting;

/// <summary>
/// Stores grain state as plain JSON, so the domain records carry no Orleans attributes (DESIGN rule 1) and a stored
/// workshop stays readable by an operator and by a future archive importer.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    /// <summary>The stored JSON's options, also used for what is sealed before it is stored.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
