using System.Text.Json;
using System.Text.Json.Serialization;

namespace CollectifLive.Web.Realtime;

/// <summary>
/// How the hub reads what clients send. SignalR binds a method's arguments before any code of ours runs, and a value of
/// the wrong shape ("not-a-guid" for an operation id, "Octarine" for a colour, 1.5 for a vote mark) would fail the
/// whole call with a generic error. Read leniently instead, such a value becomes one no rule accepts (an empty
/// operation id, an undefined enum value, a negative count), so the call is answered with the rule's own code and
/// changes nothing.
/// </summary>
public static class LenientJson
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new GuidConverter());
        converters.Add(new Int32Converter());
        converters.Add(new EnumConverterFactory());
    }

    /// <summary>An integer no count, budget or position can be.</summary>
    public const int NotAnInteger = int.MinValue;

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    private sealed class GuidConverter : JsonConverter<Guid>
    {
        public override bool HandleNull => true;

        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var id))
            {
                return id;
            }

            SkipValue(ref reader);
            return Guid.Empty;
        }

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class Int32Converter : JsonConverter<int>
    {
        public override bool HandleNull => true;

        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
            {
                return value;
            }

            SkipValue(ref reader);
            return NotAnInteger;
        }

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class EnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>Names (any case) and defined numbers are read; anything else becomes -1, which no enum here defines.</summary>
    private sealed class EnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } name
                && !int.TryParse(name, out _) && Enum.TryParse<T>(name, ignoreCase: true, out var named) && Enum.IsDefined(named))
            {
                return named;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number))
            {
                return (T)Enum.ToObject(typeof(T), number);
            }

            SkipValue(ref reader);
            return (T)Enum.ToObject(typeof(T), -1);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        /// <summary>As a dictionary key: its name, read back by name (an unknown one becomes -1 like a value).</summary>
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Enum.TryParse<T>(reader.GetString(), ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : (T)Enum.ToObject(typeof(T), -1);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
    }
}
