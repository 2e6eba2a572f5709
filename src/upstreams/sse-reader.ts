/**
 * Reads a `text/event-stream` body with `eventsource-parser`, bounding the size of one event.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Callbacks for one SSE body. */
export interface SseHandlers {
  onEvent(event: EventSourceMessage): void;
  /** The server's `retry:` hint, in ms. */
  onRetry?(ms: number): void;
}

/**
 * Consumes the stream until it ends. Rejects on a read error (stream dropped) or when a single
 * event grows past `maxEventBytes`.
 */
export async function readSse(body: AsyncIterable<Uint8Array>, maxEventBytes: number, handlers: SseHandlers): Promise<void> {
  let failure: Error | undefined;
  const parser = createParser({
    maxBufferSize: maxEventBytes,
    onEvent: (e) => handlers.onEvent(e),
    onRetry: (ms) => handlers.onRetry?.(ms),
    onError: (e) => {
      if (e.type === 'max-buffer-size-exceeded') failure ??= new Error(`SSE event over ${maxEventBytes} bytes`);
    },
  });
  const decoder = new TextDecoder();
  // Leaving the loop (by the throw) ends the body, which releases or closes the connection.
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
}
