using CollectifLive.Workshops;

// The contracts project carries the serialization attributes but no code generator (so that the domain, which uses
// its records, builds without Orleans): their serializers, copiers and aliases are generated here, once.
[assembly: GenerateCodeForDeclaringAssembly(typeof(CommandResult))]
