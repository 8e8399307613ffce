"""Personal data rights (ARCO and portability): requests, their legal deadlines and the business-day calendar."""
