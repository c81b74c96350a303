using System.Text.Json;
using System.Text.Json.Serialization;
using NewsArchive.Core.Parsing;

namespace NewsArchive.Web.Api;

/// <summary>Writes a publication date as printed: ISO 8601 without offset, only as precise as the source.</summary>
internal sealed class ArticleDateJsonConverter : JsonConverter<ArticleDate>
{
    public override ArticleDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The API only writes dates.");

    public override void Write(Utf8JsonWriter writer, ArticleDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToIso());
}
