// Weak Wi-Fi: keep trying to reconnect for a long time, quickly at first, then every five seconds.
Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: 720,
      retryIntervalMilliseconds: (previousAttempts) => Math.min(500 + previousAttempts * 500, 5000),
    },
  },
});
