package org.bridgeway.directory.reference;

/** How a service reaches people. */
public enum DeliveryMode { IN_PERSON, HOME_VISIT, PHONE, ONLINE }
