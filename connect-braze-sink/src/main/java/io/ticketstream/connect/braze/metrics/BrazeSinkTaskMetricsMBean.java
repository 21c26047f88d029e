package io.ticketstream.connect.braze.metrics;

/** JMX view of one task's delivery (standard MBean: attribute names are the getters without "get"). */
public interface BrazeSinkTaskMetricsMBean {
    long getTrackRequests();
    long getSubscriptionRequests();
    long getAttributeObjects();
    long getEventObjects();
    long getPurchaseObjects();
    long getSubscriptionChanges();
    long getMergedAttributeUpdates();
    long getResponses2xx();
    long getResponses4xx();
    long getResponses429();
    long getResponses5xx();
    long getTransportErrors();
    long getRetries();
    long getThrottledTimeMs();
    double getObjectsPerTrackRequestAvg();
    double getRequestLatencyAvgMs();
    long getRequestLatencyMaxMs();
    long getReportedRecords();
    long getBadRecords();
    int getBufferedRecords();
}
