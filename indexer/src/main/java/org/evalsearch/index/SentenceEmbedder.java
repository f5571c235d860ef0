package org.evalsearch.index;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The sentence-embedding model of dense retrieval: BAAI bge-small-en-v1.5 (quantised ONNX, shipped in the
 * langchain4j Maven artifact), run in-process. Vectors have unit length, so their dot product is the cosine.
 * One ONNX session serves every thread and each call runs on its caller's thread alone, so that callers set the
 * parallelism (the indexer's per-file workers, the server's search turns) instead of ONNX taking every core.
 */
public final class SentenceEmbedder {
    public static final int DIMENSION = 384;
    /** BGE's instruction for short queries; passages are embedded as they are. */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    /** The model's window less its [CLS] and [SEP] tokens. */
    static final int MAX_TOKENS = 510;
    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private static SentenceEmbedder shared;

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;

    private SentenceEmbedder() throws IOException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            byte[] onnx;
            try (InputStream in = resource(MODEL)) {
                onnx = in.readAllBytes();
            }
            OrtSession session = env.createSession(onnx, options);
            try (InputStream in = resource(TOKENIZER)) {
                this.model = new Model(new OnnxBertBiEncoder(env, session, in, PoolingMode.CLS));
            }
        }
        try (InputStream in = resource(TOKENIZER)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        }
    }

    /** The process's embedder, loaded on first use (a 34 MB model, about a second). */
    public static synchronized SentenceEmbedder get() {
        if (shared == null) {
            try {
                shared = new SentenceEmbedder();
            } catch (IOException | OrtException e) {
                throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** What a passage is about: its heading path, then its text, cut at the model's window. */
    public float[] passage(PassageRecord r) {
        String section = r.section() == null || r.section().isBlank() ? "" : r.section() + "\n";
        return embed(truncate(section + r.text()));
    }

    public float[] query(String q) {
        return embed(truncate(QUERY_INSTRUCTION + q));
    }

    /**
     * The longest prefix of {@code text} that fits the model's window. Cut here rather than left to langchain4j,
     * which would embed every 510-token window and average them: the opening of a passage says what it is about.
     */
    String truncate(String text) {
        CharSpan[] spans = tokenizer.encode(text, false, false).getCharTokenSpans();
        return spans.length <= MAX_TOKENS ? text : text.substring(0, spans[MAX_TOKENS - 1].getEnd());
    }

    private float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("embedding model file " + name + " is not on the class path");
        }
        return in;
    }

    /** langchain4j's in-process model around our own session, whose thread counts its default one hides. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
