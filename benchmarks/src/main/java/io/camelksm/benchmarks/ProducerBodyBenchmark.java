package io.camelksm.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.camelksm.component.KsmComponent;

/**
 * Diagnostic for benchmark 3: the producer alone, called directly on a new exchange, without a route around it.
 * {@link #ksmProducer()} against {@link #constantProducer()} is what the ksm producer's own work costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProducerBodyBenchmark {

    private LoopbackApis apis;
    private KsmFixture ksm;
    private CamelContext context;
    private AsyncProducer ksmProducer;
    private AsyncProducer constantProducer;
    private AsyncProducer unauditedProducer;
    private static final AsyncCallback DONE = doneSync -> { };

    @Setup(Level.Trial)
    public void start() throws Exception {
        apis = new LoopbackApis(3600, Duration.ZERO, 16);
        ksm = new KsmFixture();
        ksm.addClientCredentials("Graph", "bench-jmh", "s3cret-jmh", apis.tokenUrl("jmh"));
        context = new DefaultCamelContext();
        KsmComponent component = new KsmComponent();
        component.setGovernedCredentials(ksm.governedWithSummaryAudit());
        component.getCallerConfiguration().setNodeName(KsmFixture.NODE);
        context.addComponent("ksm", component);
        context.start();
        ksmProducer = context.getEndpoint("ksm:Graph?process=ksm-header").createAsyncProducer();
        ksmProducer.start();
        Exchange first = new DefaultExchange(context);
        ksmProducer.process(first);
        String header = first.getMessage().getHeader("Authorization", String.class);
        if (header == null) {
            throw new IllegalStateException("no header", first.getException());
        }
        KsmComponent unaudited = new KsmComponent();
        unaudited.setGovernedCredentials(ksm.governedWithoutAudit());
        unaudited.getCallerConfiguration().setNodeName(KsmFixture.NODE);
        context.addComponent("ksmunaudited", unaudited);
        unauditedProducer = context.getEndpoint("ksmunaudited:Graph?process=ksm-header").createAsyncProducer();
        unauditedProducer.start();
        unauditedProducer.process(new DefaultExchange(context), DONE);
        context.addComponent("constant-header", new ConstantHeaderComponent("Authorization", header));
        constantProducer = context.getEndpoint("constant-header:x").createAsyncProducer();
        constantProducer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        ksm.closeSummaryAudits();
        ksm.close();
        apis.close();
    }

    @Benchmark
    public Object ksmProducer() throws Exception {
        return run(ksmProducer);
    }

    @Benchmark
    public Object ksmProducerUnaudited() {
        return run(unauditedProducer);
    }

    @Benchmark
    public Object constantProducer() throws Exception {
        return run(constantProducer);
    }

    private Object run(AsyncProducer producer) {
        Exchange exchange = new DefaultExchange(context);
        producer.process(exchange, DONE);
        if (exchange.getException() != null) {
            throw new IllegalStateException("exchange failed", exchange.getException());
        }
        return exchange.getMessage().getHeader("Authorization");
    }
}
